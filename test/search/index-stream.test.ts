import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integration/search-index.ts';
import { streamSearchIndex } from '../../src/integration/search-index-stream.ts';
import { openSearchIndex } from '../helpers/search-index.ts';
import { treeSnapshot } from '../helpers/tree-snapshot.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

const PAGES = {
  cancel: page('How do I cancel a task?', 'Call cancel on the task and await it.'),
  retry: page('How do I retry a request?', 'Wrap it in a loop with a backoff.'),
  queue: page('How do I drain a queue?', 'Await join after the last put.'),
};

/** The pages written as a build writes them (`slug/index.html`), plus a 404 page that marks no body. */
async function site(pages: Record<string, string> = PAGES): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'kb-index-stream-'));
  folders.push(outDir);
  for (const [slug, html] of Object.entries(pages)) {
    await mkdir(path.join(outDir, slug), { recursive: true });
    await writeFile(path.join(outDir, slug, 'index.html'), html);
  }
  await writeFile(
    path.join(outDir, '404.html'),
    '<!doctype html><html lang="en"><body>Not found</body></html>',
  );
  return outDir;
}

/**
 * Hands the pages to a streamed index as Astro would: each told when its rendering starts, in
 * `order`, then rendered in `finish` order (pages render side by side); the 404 page at its
 * pattern's URL, and a redirect, which has no HTML.
 */
function streamed(pages: Record<string, string>, order = Object.keys(pages), finish = order) {
  const stream = streamSearchIndex('/');
  const notFound = stream.tap('/404/', '/404');
  const redirect = stream.tap('/old/', '/old');
  const rendered = new Map(order.map((slug) => [slug, stream.tap(`/${slug}/`, '/[slug]')]));
  for (const slug of finish) rendered.get(slug)!(pages[slug]);
  redirect(undefined);
  notFound('<!doctype html><html lang="en"><body>Not found</body></html>');
  return stream;
}

async function search(outDir: string, query: string): Promise<string[]> {
  const index = await openSearchIndex(outDir);
  try {
    return (await index.search(query)).map((hit) => hit.url).sort();
  } finally {
    await index.close();
  }
}

describe('a search index built as the pages are rendered', () => {
  it('is the index written when it holds exactly the output pages, and finds them', async () => {
    const outDir = await site();
    const summary = await buildSearchIndex(outDir, '/', undefined, { streamed: streamed(PAGES) });
    expect([summary.streamed, summary.pages]).toEqual([true, 3]);
    expect(await search(outDir, 'backoff')).toEqual(['/retry/']);
    expect(await search(outDir, 'task')).toEqual(['/cancel/']);
  }, 60_000);

  it('adds the pages in the order their rendering started, whatever order it ended in', async () => {
    const inOrder = await site();
    await buildSearchIndex(inOrder, '/', undefined, { streamed: streamed(PAGES) });
    const outOfOrder = await site();
    await buildSearchIndex(outOfOrder, '/', undefined, {
      streamed: streamed(PAGES, ['cancel', 'retry', 'queue'], ['queue', 'cancel', 'retry']),
    });
    expect(await treeSnapshot(path.join(outOfOrder, 'pagefind'))).toEqual(
      await treeSnapshot(path.join(inOrder, 'pagefind')),
    );
  }, 60_000);

  it('indexes the files instead when a page differs from its file', async () => {
    // The file on disk is what the site serves: a page changed after rendering is indexed as it is now.
    const outDir = await site({ ...PAGES, queue: page('How do I drain a queue?', 'Use a sentinel value.') });
    const summary = await buildSearchIndex(outDir, '/', undefined, { streamed: streamed(PAGES) });
    expect([summary.streamed, summary.pages]).toEqual([false, 3]);
    expect(await search(outDir, 'sentinel')).toEqual(['/queue/']);
    expect(await search(outDir, 'join')).toEqual([]);
  }, 60_000);

  it('indexes the files instead when the output has a page that was not rendered, or lacks one that was', async () => {
    const extra = await site({ ...PAGES, later: page('How do I wait later?', 'Sleep for a while.') });
    const withExtra = await buildSearchIndex(extra, '/', undefined, { streamed: streamed(PAGES) });
    expect([withExtra.streamed, withExtra.pages]).toEqual([false, 4]);
    expect(await search(extra, 'sleep')).toEqual(['/later/']);

    const { retry: _, ...fewer } = PAGES;
    const missing = await site(fewer);
    const withMissing = await buildSearchIndex(missing, '/', undefined, { streamed: streamed(PAGES) });
    expect([withMissing.streamed, withMissing.pages]).toEqual([false, 2]);
    expect(await search(missing, 'backoff')).toEqual([]);
  }, 60_000);
});
