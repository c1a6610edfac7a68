import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce, ROOT, type BuiltSite } from '../helpers/build-site.ts';
import { openSearchIndex, type SearchIndex } from '../helpers/search-index.ts';

const CONTENT = path.join(ROOT, 'content');
let site: BuiltSite;
let index: SearchIndex;

/** Every article of the bundled knowledge base: its URL and its question. */
async function articles(): Promise<{ url: string; title: string }[]> {
  const list: { url: string; title: string }[] = [];
  for (const topic of await readdir(CONTENT, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const file of await readdir(path.join(CONTENT, topic.name))) {
      if (!file.endsWith('.md') || file === 'index.md') continue;
      const text = await readFile(path.join(CONTENT, topic.name, file), 'utf8');
      if (/^draft:\s*true/m.test(text)) continue;
      const title = /^title:\s*"(.*)"\s*$/m.exec(text)?.[1];
      if (title) list.push({ url: `/${topic.name}/${file.replace(/\.md$/, '')}/`, title });
    }
  }
  return list.sort((a, b) => a.url.localeCompare(b.url));
}

beforeAll(async () => {
  site = await buildSiteOnce(CONTENT, { KB_EXAMPLES: 'off' });
  index = await openSearchIndex(site.outDir);
}, 300_000);

afterAll(async () => {
  await index?.close();
});

describe('the search index of the bundled knowledge base', () => {
  it('is written into the built site by the build, never into the source tree', async () => {
    await expect(stat(path.join(site.outDir, 'pagefind/pagefind.js'))).resolves.toBeTruthy();
    await expect(stat(path.join(site.outDir, 'pagefind/pagefind-entry.json'))).resolves.toBeTruthy();
    for (const inSource of ['public/pagefind', 'src/pagefind', 'pagefind'])
      await expect(stat(path.join(ROOT, inSource)), inSource).rejects.toThrow();
  });

  it('indexes the articles and the plain pages, nothing else, with their topic and tags as filters', async () => {
    const filters = await index.filters();
    const all = await articles();
    const byTopic = Object.values(filters['topic'] ?? {}).reduce((sum, count) => sum + count, 0);
    expect(byTopic).toBe(all.length);
    expect(Object.keys(filters['topic'] ?? {}).sort()).toEqual([
      'Python asyncio',
      'TypeScript async on Node.js',
    ]);
    expect(filters['tag']?.['timers']).toBe(1);
    // Plain pages at the root (privacy…) are content too, searchable as MkDocs' search has them.
    const rootPages = (await readdir(CONTENT))
      .filter((file) => file.endsWith('.md') && file !== 'index.md')
      .map((file) => `/${file.replace(/\.md$/, '')}/`);
    const urls = new Set([...all.map((article) => article.url), ...rootPages]);
    expect(rootPages.length).toBeGreaterThan(0);
    for (const query of ['async', 'questions', 'topics', 'search', 'page not found'])
      for (const hit of await index.search(query)) expect(urls, `${query} → ${hit.url}`).toContain(hit.url);
  });

  it('marks only the article as searchable: chrome around and inside it is ignored', async () => {
    const html = parse(
      await readFile(
        path.join(site.outDir, 'typescript-async/how-to-sleep-or-delay-in-typescript/index.html'),
        'utf8',
      ),
    );
    const bodies = html.querySelectorAll('[data-pagefind-body]');
    expect(bodies.map((body) => body.tagName)).toEqual(['ARTICLE']);
    const article = bodies[0]!;
    expect(article.querySelector('h1')?.getAttribute('data-pagefind-weight')).toBe('10');
    expect(article.querySelector('.kb-in-short')?.getAttribute('data-pagefind-weight')).toBe('5');
    for (const chrome of ['.kb-article-meta', '.kb-toc', '.kb-see-also', '.kb-linked-from'])
      expect(article.querySelector(chrome)?.hasAttribute('data-pagefind-ignore'), chrome).toBe(true);
    for (const outside of ['.kb-site-header', '.kb-breadcrumbs', '.kb-prev-next', '.kb-site-footer'])
      expect(html.querySelector(outside)?.hasAttribute('data-pagefind-ignore'), outside).toBe(true);
  });

  it('puts the article first for its exact question', async () => {
    const misses: string[] = [];
    for (const { url, title } of await articles()) {
      const first = (await index.search(title))[0];
      if (first?.url !== url) misses.push(`${title} → ${first?.url ?? 'nothing'} (expected ${url})`);
    }
    expect(misses).toEqual([]);
  });

  it.each([
    ['sleep typescript', '/typescript-async/how-to-sleep-or-delay-in-typescript/'],
    ['timeout asyncio', '/python-asyncio/how-to-add-a-timeout-in-asyncio/'],
    ['abortsignal timeout', '/typescript-async/how-to-add-a-timeout-with-abortcontroller-and-abortsignal/'],
    ['promisify callback', '/typescript-async/how-to-promisify-a-callback-based-function-in-nodejs/'],
    [
      'limited concurrency',
      '/typescript-async/how-to-run-async-tasks-with-limited-concurrency-in-typescript/',
    ],
    ['gather taskgroup', '/python-asyncio/how-to-run-coroutines-concurrently-with-gather-and-taskgroup/'],
    ['coroutine never awaited', '/python-asyncio/why-does-python-say-coroutine-was-never-awaited/'],
    [
      'microtasks macrotasks',
      '/typescript-async/how-does-the-nodejs-event-loop-order-microtasks-and-macrotasks/',
    ],
    ['top-level await', '/typescript-async/how-to-use-top-level-await-in-nodejs/'],
    [
      'for await async generators',
      '/typescript-async/how-to-use-async-iteration-with-for-await-and-async-generators/',
    ],
    ['allsettled race', '/typescript-async/how-to-use-promise-all-allsettled-race-and-any/'],
    ['blocking code', '/python-asyncio/how-to-call-blocking-code-from-async-code-in-python/'],
    [
      'asyncio.run running event loop',
      '/python-asyncio/how-to-fix-runtimeerror-asyncio-run-cannot-be-called-from-a-running-event-loop/',
    ],
    ['create a promise', '/typescript-async/what-is-a-promise-in-typescript-and-how-do-i-create-one/'],
    [
      'handle errors async typescript',
      '/typescript-async/how-to-handle-errors-in-async-functions-in-typescript/',
    ],
    ['run asyncio program', '/python-asyncio/how-to-run-an-asyncio-program/'],
    [
      'call async function from sync code',
      '/typescript-async/how-to-call-an-async-function-from-synchronous-code-in-typescript/',
    ],
  ])('puts the article first for its key words: %s', async (query, expected) => {
    expect((await index.search(query))[0]?.url).toBe(expected);
  });

  it('filters by topic and by tag', async () => {
    const python = await index.search('timeout', { topic: ['Python asyncio'] });
    expect(python.length).toBeGreaterThan(0);
    for (const hit of python) expect(hit.filters['topic']).toEqual(['Python asyncio']);
    expect(python[0]?.url).toBe('/python-asyncio/how-to-add-a-timeout-in-asyncio/');
    expect((await index.search(null, { tag: ['timers'] })).map((hit) => hit.url)).toEqual([
      '/typescript-async/how-to-sleep-or-delay-in-typescript/',
    ]);
  });
});
