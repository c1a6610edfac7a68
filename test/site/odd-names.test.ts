import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { openSearchIndex } from '../helpers/search-index.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { parseXml, rssSchema, sitemapSchema } from '../seo/helpers/xml-formats.ts';

const SITE = 'https://async-answers.example.org';

/** File names a URL must encode (`#`, `?`, `%`, a space, a letter outside ASCII, MkDocs' reserved characters). */
const NAMES = ['hash#tag', 'what?', '100%', 'café', 'a b', 'a+(b)'];

/** How an author links a file with such a name, relative to the topic page. */
const LINKS: Record<string, string> = {
  'hash#tag': 'hash%23tag.md',
  'what?': 'what%3F.md',
  '100%': '100%25.md',
  café: 'café.md',
  'a b': '<a b.md>',
  'a+(b)': 'a+%28b%29.md',
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
  'base64',
);

let work: string;
let site: BuiltSite;
let server: StaticServer;
let topicPage: HTMLElement;
/** Each name's href, as the topic page's question list links it. */
const hrefs = new Map<string, string>();

/** Fetches a path (an href) from the built site as a browser would, and its body as text. */
async function get(href: string): Promise<{ status: number; text: string; bytes: Buffer }> {
  const response = await fetch(`${server.origin}${href}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, text: bytes.toString('utf8'), bytes };
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'kb-odd-names-'));
  const content = path.join(work, 'content');
  await mkdir(path.join(content, 't'), { recursive: true });
  await mkdir(path.join(content, 'images'));
  await writeFile(path.join(content, 'images', 'pic.png'), PNG);
  // An image reached through a symbolic link inside the content folder is published as a file.
  await symlink('../images/pic.png', path.join(content, 't', 'linked.png'));
  const list = NAMES.map((name) => `- [${name}](${LINKS[name]})`).join('\n');
  await writeFile(
    path.join(content, 't', 'index.md'),
    `---\ntitle: "Odd names"\ndescription: "Articles whose file names hold characters that a URL must encode."\n---\n\n${list}\n\n![A picture](linked.png)\n`,
  );
  for (const [index, name] of NAMES.entries()) {
    await writeFile(
      path.join(content, 't', `${name}.md`),
      `---\ntitle: "What about ${name}?"\ndescription: "An article whose file name holds a character that every address of it must encode."\ndate: 2025-01-0${index + 1}\n---\n\n!!! info "In short"\n    Its address is encoded once, the same everywhere.\n\nBack to [the topic](index.md).\n`,
    );
  }
  // MkDocs publishes `t/in-a-folder/index.md` at `/t/in-a-folder/`, as an article of the topic.
  await mkdir(path.join(content, 't', 'in-a-folder'));
  await writeFile(
    path.join(content, 't', 'in-a-folder', 'index.md'),
    `---\ntitle: "Can an article be a folder's index?"\ndescription: "An article kept as the index of a folder of its own, as MkDocs sites often keep them."\ndate: 2025-02-01\n---\n\n!!! info "In short"\n    Yes, at the folder's address.\n`,
  );
  site = await buildSite(content, { KB_EXAMPLES: 'off' });
  server = await serveStatic(site.outDir);
  topicPage = parseHtml(await readFile(path.join(site.outDir, 't', 'index.html'), 'utf8'));
  for (const name of NAMES) {
    const link = topicPage.querySelectorAll('a').find((a) => a.text.trim() === `What about ${name}?`);
    hrefs.set(name, link?.getAttribute('href') ?? '');
  }
}, 300_000);

afterAll(async () => {
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe.each(NAMES)('an article named `%s.md`', (name) => {
  const href = () => hrefs.get(name)!;
  const page = async () => parseHtml((await get(href())).text);

  it('is linked with its path encoded once: no raw `#`, `?`, space or non-ASCII, and decoding gives the path back', () => {
    expect(href()).toMatch(/^\/t\/[^/]+\/$/);
    expect(href()).not.toMatch(/[#? ]|[^\x21-\x7e]/);
    expect(decodeURIComponent(href())).toBe(`/t/${name}/`);
  });

  it('is served at that href', async () => {
    const { status, text } = await get(href());
    expect(status).toBe(200);
    expect(parseHtml(text).querySelector('h1')?.text).toBe(`What about ${name}?`);
  });

  it('has the canonical URL and og:url of that href, and a social card there', async () => {
    const root = await page();
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE}${href()}`);
    expect(root.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(`${SITE}${href()}`);
    const image = root.querySelector('meta[property="og:image"]')?.getAttribute('content') ?? '';
    expect(image.startsWith(SITE)).toBe(true);
    expect((await get(image.slice(SITE.length))).status).toBe(200);
  });

  it('is linked by that href from the topic page’s body and the breadcrumbs lead back', async () => {
    const body = topicPage
      .querySelectorAll('[data-pagefind-body] a, main a')
      .map((a) => a.getAttribute('href'));
    expect(body).toContain(href());
    const crumbs = (await page()).querySelectorAll('.breadcrumbs a').map((a) => a.getAttribute('href')!);
    for (const crumb of crumbs) expect((await get(crumb)).status).toBe(200);
  });

  it('is listed under that href in the sitemap, the feed and llms.txt (whose Markdown is served there)', async () => {
    const sitemap = sitemapSchema.parse(
      parseXml(await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8'), ['url']),
    );
    expect(sitemap.urlset.url.map((entry) => entry.loc)).toContain(`${SITE}${href()}`);
    const feed = rssSchema.parse(
      parseXml(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8'), ['item', 'category']),
    );
    const item = feed.rss.channel.item.find((entry) => entry.title === `What about ${name}?`);
    expect(item?.link).toBe(`${SITE}${href()}`);
    const llms = await readFile(path.join(site.outDir, 'llms.txt'), 'utf8');
    const markdown = `${href().replace(/\/$/, '')}.md`;
    expect(llms).toContain(`(${SITE}${markdown})`);
    const source = await get(markdown);
    expect(source.status).toBe(200);
    expect(source.text).toContain(`title: "What about ${name}?"`);
  });
});

describe('an article kept as `index.md` in a folder of its own', () => {
  it('is served at the folder’s address, where the topic page links it', async () => {
    const link = topicPage
      .querySelectorAll('a')
      .find((a) => a.text.trim() === "Can an article be a folder's index?");
    expect(link?.getAttribute('href')).toBe('/t/in-a-folder/');
    const { status, text } = await get('/t/in-a-folder/');
    expect(status).toBe(200);
    expect(parseHtml(text).querySelector('h1')?.text).toBe("Can an article be a folder's index?");
  });
});

describe('the search index', () => {
  it('finds each article at its href', async () => {
    const index = await openSearchIndex(site.outDir);
    try {
      const found = (await index.search('encoded')).filter((hit) => hit.url !== '/t/in-a-folder/');
      expect(found.map((hit) => hit.url).sort()).toEqual([...hrefs.values()].sort());
    } finally {
      await index.close();
    }
  });
});

describe('an image reached through a symbolic link inside the content folder', () => {
  it('is published as a file with the image’s bytes, where the page links it', async () => {
    const src = topicPage.querySelector('img')?.getAttribute('src');
    expect(src).toBe('/t/linked.png');
    const image = await get(src!);
    expect(image.status).toBe(200);
    expect(image.bytes.equals(PNG)).toBe(true);
  });
});
