import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { parseXml, rssSchema } from './helpers/xml-formats.ts';

/** A site whose every field an author writes carries markup that would run if it were not escaped. */
const FIXTURE = path.join(import.meta.dirname, 'fixtures/escape-site');

interface Fields {
  title: string;
  description: string;
  author: string;
  tags: string[];
}

let site: BuiltSite;
let fields: Fields;
let topicTitle: string;
const pages = new Map<string, Root>();

beforeAll(async () => {
  const frontmatter = async (file: string) =>
    parseYaml((await readFile(path.join(FIXTURE, file), 'utf8')).split('---\n')[1]!) as Fields;
  fields = await frontmatter('hostile/payload.md');
  topicTitle = (await frontmatter('hostile/index.md')).title;
  site = await buildSite(FIXTURE, { KB_EXAMPLES: 'off' });
  const files = await readdir(site.outDir, { recursive: true });
  for (const file of files.filter((name) => name.endsWith('.html') && !name.startsWith('pagefind')))
    pages.set(file, fromHtml(await readFile(path.join(site.outDir, file), 'utf8')));
}, 240_000);

function elements(tree: Root | RootContent): Element[] {
  const found: Element[] = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') found.push(node);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return found;
}

function page(file: string): Root {
  const tree = pages.get(file);
  if (!tree) throw new Error(`no page ${file}; built: ${[...pages.keys()].join(', ')}`);
  return tree;
}

/** The `content` of the `<meta>` tags named (or with the property) `key`, in order. */
function metas(tree: Root, key: string): string[] {
  return elements(tree)
    .filter((e) => e.tagName === 'meta' && (e.properties['name'] === key || e.properties['property'] === key))
    .map((e) => String(e.properties['content']));
}

describe('what the build writes from the content (titles, descriptions, authors, tags)', () => {
  it('runs nothing an author wrote, on any page, whatever the trust setting (it only adds a check)', () => {
    expect(pages.size).toBeGreaterThan(4);
    const running: string[] = [];
    for (const [file, tree] of pages) {
      for (const element of elements(tree)) {
        for (const [name, value] of Object.entries(element.properties))
          if (/^on/.test(name)) running.push(`${file}: <${element.tagName} ${name}="${String(value)}">`);
        if (element.tagName === 'img' && element.properties['src'] === 'x')
          running.push(`${file}: <img src=x>`);
        if (element.tagName === 'script' && element.properties['type'] !== 'application/ld+json')
          if (/alert\(/.test(toText(element))) running.push(`${file}: <script>${toText(element)}`);
      }
    }
    expect(running).toEqual([]);
  });

  it('keeps each field as the author wrote it, as text: the title, the heading, the meta tags', () => {
    const article = page('hostile/payload/index.html');
    const all = elements(article);
    expect(toText(all.find((e) => e.tagName === 'h1')!)).toBe(fields.title);
    // The title is cut to fit a results page, at a word: what it keeps is the text as written.
    const title = toText(all.find((e) => e.tagName === 'title')!);
    expect(title.endsWith('…') && fields.title.startsWith(title.slice(0, -1))).toBe(true);
    expect(title).toContain('</title></script><script>alert(1)</script>');
    expect(metas(article, 'description')).toEqual([fields.description]);
    expect(metas(article, 'og:title')).toEqual([fields.title]);
    expect(metas(article, 'og:description')).toEqual([fields.description]);
    expect(metas(article, 'article:tag')).toEqual(fields.tags);
    expect(metas(article, 'article:section')).toEqual([topicTitle]);
    // The neighbour shows the title in its "See also", as text.
    const seeAlso = elements(page('hostile/neighbour/index.html')).filter(
      (e) => e.tagName === 'a' && e.properties['href'] === '/hostile/payload/',
    );
    expect(seeAlso.map((a) => toText(a))).toContain(fields.title);
  });

  it('keeps each field exactly in the JSON-LD, where `<` is escaped so that no `</script>` ends it early', async () => {
    const scripts = elements(page('hostile/payload/index.html')).filter(
      (e) => e.tagName === 'script' && e.properties['type'] === 'application/ld+json',
    );
    expect(scripts).toHaveLength(1);
    const text = toText(scripts[0]!);
    expect(text).not.toMatch(/[<>]/);
    const graph = (JSON.parse(text) as { '@graph': Record<string, unknown>[] })['@graph'];
    const article = graph.find((node) => node['@type'] === 'TechArticle')!;
    expect(article).toMatchObject({
      headline: fields.title,
      description: fields.description,
      author: { name: fields.author },
    });
  });

  it('keeps each field exactly in the feed, which stays well-formed XML', async () => {
    const feed = rssSchema.parse(
      parseXml(await readFile(path.join(site.outDir, 'feed.xml'), 'utf8'), ['item', 'category']),
    );
    const item = feed.rss.channel.item.find((entry) => entry.title === fields.title);
    // Feed readers render a description as HTML: read as HTML, it is the author's text, no element.
    const description = fromHtml(item?.description ?? '', { fragment: true });
    expect(description.children.filter((node) => node.type !== 'text')).toEqual([]);
    expect(toText(description)).toBe(fields.description);
    expect(item).toMatchObject({
      'dc:creator': fields.author,
      category: [topicTitle, ...fields.tags],
    });
  });

  it('leaves no markup in the sitemap and llms.txt', async () => {
    expect(await readFile(path.join(site.outDir, 'sitemap.xml'), 'utf8')).not.toMatch(/script|alert/);
    // llms.txt is Markdown: the fields are escaped as Markdown text, and read back as text.
    const tree = unified()
      .use(remarkParse)
      .parse(await readFile(path.join(site.outDir, 'llms.txt'), 'utf8'));
    const kinds = new Set<string>();
    const linkTexts: string[] = [];
    visit(tree, (node) => {
      kinds.add(node.type);
      if (node.type === 'link') linkTexts.push(mdastToString(node));
    });
    expect(kinds).not.toContain('html');
    expect(linkTexts).toContain(fields.title);
  });
});
