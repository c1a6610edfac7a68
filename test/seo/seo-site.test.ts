import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { parseXml, rssSchema, sitemapSchema } from './helpers/xml-formats.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/seo-site');
const SITE = 'https://async-answers.example.org';
const EVIL = 'Why does </script><script>alert(1)</script> <!-- stay --> & "quote" escape?';

let site: BuiltSite;
let pages: Map<string, HTMLElement>;
let sitemapLocs: Map<string, string | undefined>;

type Json = Record<string, unknown>;

beforeAll(async () => {
  site = await buildSite(FIXTURE, { KB_EXAMPLES: 'off' });
  pages = new Map();
  for (const file of await htmlFiles(site.outDir)) {
    const html = await readFile(path.join(site.outDir, file), 'utf8');
    pages.set(file, parseHtml(html, { blockTextElements: { script: true, style: true } }));
  }
  const sitemap = sitemapSchema.parse(parseXml(await output('sitemap.xml'), ['url']));
  sitemapLocs = new Map(sitemap.urlset.url.map((url) => [url.loc, url.lastmod]));
}, 240_000);

async function output(file: string): Promise<string> {
  return readFile(path.join(site.outDir, file), 'utf8');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

function page(urlPath: string): HTMLElement {
  const found = pages.get(`${urlPath.replace(/^\/|\/$/g, '')}/index.html`.replace(/^\//, ''));
  if (!found) throw new Error(`no page at ${urlPath}`);
  return found;
}

function meta(root: HTMLElement, key: string): string | undefined {
  return (
    root.querySelector(`meta[property="${key}"]`) ?? root.querySelector(`meta[name="${key}"]`)
  )?.getAttribute('content');
}

function jsonLd(root: HTMLElement): Json[] {
  const scripts = root.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  const value = JSON.parse(scripts[0]!.text) as { '@context': string; '@graph': Json[] };
  expect(value['@context']).toBe('https://schema.org');
  return value['@graph'];
}

function node(graph: Json[], type: string): Json {
  const found = graph.filter((item) => item['@type'] === type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

function byId(graph: Json[], reference: unknown): Json {
  const id = (reference as { '@id'?: string })['@id'];
  return graph.find((item) => item['@id'] === id) ?? (reference as Json);
}

function isRedirect(root: HTMLElement): boolean {
  return root.querySelector('meta[http-equiv="refresh"]') !== null;
}

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

describe('every built page of the fixture site', () => {
  it('has one title, one description and one canonical URL that is its sitemap entry', () => {
    const canonicals = new Set<string>();
    for (const [file, root] of pages) {
      if (isRedirect(root)) continue;
      const robots = meta(root, 'robots') ?? '';
      expect(root.querySelectorAll('title'), file).toHaveLength(1);
      expect(root.querySelector('title')!.text.trim(), file).not.toBe('');
      const descriptions = root.querySelectorAll('meta[name="description"]');
      expect(descriptions, file).toHaveLength(1);
      expect(descriptions[0]!.getAttribute('content')!.length, file).toBeGreaterThan(20);
      expect(descriptions[0]!.getAttribute('content')!.length, file).toBeLessThanOrEqual(160);
      expect(root.querySelector('html')?.getAttribute('lang'), file).toBe('en');
      expect(root.querySelectorAll('link[rel="icon"]'), file).toHaveLength(1);
      expect(root.querySelectorAll('meta[name="theme-color"]').length, file).toBeGreaterThan(0);
      expect(
        root.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'),
      ).toBe(`${SITE}/feed.xml`);
      const canonical = root.querySelectorAll('link[rel="canonical"]');
      if (/noindex/.test(robots)) {
        // The 404 and search pages: not indexed, so neither canonical nor in the sitemap.
        expect(canonical, file).toHaveLength(0);
        continue;
      }
      expect(canonical, file).toHaveLength(1);
      const href = canonical[0]!.getAttribute('href')!;
      expect(href, file).toBe(`${SITE}/${file.replace(/index\.html$/, '')}`);
      expect(sitemapLocs.has(href), `${file}: ${href} in the sitemap`).toBe(true);
      expect(meta(root, 'og:url'), file).toBe(href);
      canonicals.add(href);
    }
    // And the other way round: the sitemap lists exactly the canonical pages.
    expect([...sitemapLocs.keys()].sort()).toEqual([...canonicals].sort());
  });

  it('marks the 404 page and the search page noindex', () => {
    expect(meta(pages.get('404.html')!, 'robots')).toBe('noindex');
    expect(meta(page('/search/'), 'robots')).toBe('noindex');
  });

  it('has Open Graph and Twitter tags whose image is a 1200×630 PNG the site publishes', async () => {
    for (const [file, root] of pages) {
      if (isRedirect(root) || file === '404.html') continue;
      for (const key of ['og:type', 'og:title', 'og:description', 'og:site_name', 'og:image']) {
        expect(meta(root, key), `${file} ${key}`).toBeTruthy();
      }
      expect(meta(root, 'og:site_name')).toBe('Async Answers');
      expect(meta(root, 'twitter:card')).toBe('summary_large_image');
      expect(meta(root, 'twitter:image')).toBe(meta(root, 'og:image'));
      const image = meta(root, 'og:image')!;
      expect(image.startsWith(`${SITE}/og/`), file).toBe(true);
      const png = await readFile(path.join(site.outDir, new URL(image).pathname));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(meta(root, 'og:image:width')).toBe('1200');
      expect(meta(root, 'og:image:height')).toBe('630');
    }
  });
});

describe('an article', () => {
  const URL_PATH = '/widgets/what-is-a-widget/';

  it('is an Open Graph article with its dates and tags', () => {
    const root = page(URL_PATH);
    expect(meta(root, 'og:type')).toBe('article');
    expect(meta(root, 'og:title')).toBe('What is a widget?');
    expect(meta(root, 'og:image')).toBe(`${SITE}/og/widgets/what-is-a-widget.png`);
    expect(meta(root, 'article:published_time')).toBe('2025-02-03');
    expect(meta(root, 'article:modified_time')).toBe('2025-03-04');
    expect(
      root.querySelectorAll('meta[property="article:tag"]').map((m) => m.getAttribute('content')),
    ).toEqual(['basics', 'parts']);
    expect(root.querySelector('title')?.text).toBe('What is a widget? · Async Answers');
  });

  it('carries the generated JSON-LD only, not the hand-written copy', async () => {
    const root = page(URL_PATH);
    const scripts = root.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]!.text)).toHaveProperty('@graph');
    const markdown = await output('widgets/what-is-a-widget.md');
    expect(markdown).not.toContain('application/ld+json');
    expect(markdown).not.toContain('<!-- more -->');
    expect(markdown).toMatch(/^---\ntitle: "What is a widget\?"\n/);
    expect(markdown).toContain(
      '!!! info "In short"\n    A widget is a small, named part of a larger machine.',
    );
    expect(root.querySelector('link[rel="alternate"][type="text/markdown"]')?.getAttribute('href')).toBe(
      `${SITE}/widgets/what-is-a-widget.md`,
    );
  });

  it('has an FAQPage that agrees with the visible question and short answer', () => {
    for (const urlPath of [URL_PATH, '/widgets/evil-title/', '/gadgets/how-do-gadgets-work/']) {
      const root = page(urlPath);
      const faq = node(jsonLd(root), 'FAQPage');
      const question = faq['mainEntity'] as Json;
      expect(question['@type']).toBe('Question');
      expect(question['name']).toBe(root.querySelector('h1')?.text);
      const answer = question['acceptedAnswer'] as Json;
      expect(answer['@type']).toBe('Answer');
      const inShort = root.querySelector('.admonition.kb-in-short');
      const visible = squash(inShort!.text).replace(/^In short\s*/, '');
      expect(squash(String(answer['text']))).toBe(visible);
    }
  });

  it('has a TechArticle with the properties Google documents for articles, agreeing with the page', () => {
    const root = page(URL_PATH);
    const graph = jsonLd(root);
    const article = node(graph, 'TechArticle');
    expect(article['headline']).toBe(root.querySelector('h1')?.text);
    expect(String(article['headline']).length).toBeLessThanOrEqual(110);
    expect(article['description']).toBe(meta(root, 'description'));
    expect(article['datePublished']).toBe('2025-02-03');
    // The visible "Last updated" date.
    expect(article['dateModified']).toBe(
      root.querySelector('.kb-article-meta time')?.getAttribute('datetime'),
    );
    expect(byId(graph, article['author'])).toMatchObject({ '@type': 'Person', name: 'Ada Example' });
    expect(byId(graph, article['publisher'])).toMatchObject({
      '@type': 'Organization',
      name: 'Async Answers',
      url: `${SITE}/`,
    });
    expect(article['image']).toMatchObject({ url: meta(root, 'og:image') });
    expect(article['mainEntityOfPage']).toEqual({ '@id': `${SITE}${URL_PATH}` });
    expect(article['keywords']).toBe('widget, part, machine, basics, parts');
    for (const [key, value] of Object.entries(article)) expect(value, key).not.toBe('');
  });

  it('has a BreadcrumbList that is the visible trail, Home › Topic › Question', () => {
    for (const urlPath of [URL_PATH, '/widgets/', '/gadgets/how-do-gadgets-work/']) {
      const root = page(urlPath);
      const list = node(jsonLd(root), 'BreadcrumbList');
      const items = list['itemListElement'] as Json[];
      const visible = root.querySelectorAll('nav.kb-breadcrumbs li');
      expect(items.map((item) => item['position'])).toEqual(visible.map((_, index) => index + 1));
      expect(items.map((item) => item['name'])).toEqual(visible.map((li) => squash(li.text)));
      expect(items.map((item) => item['item'])).toEqual(
        visible.map((li) => new URL(li.querySelector('a')?.getAttribute('href') ?? urlPath, SITE).href),
      );
      for (const item of items) expect(item['@type']).toBe('ListItem');
    }
  });
});

describe('the home, topic and plain pages', () => {
  it('gives the home page a WebSite with a search action, and the publisher', async () => {
    const root = page('/');
    expect(root.querySelector('title')?.text).toBe('Widget Answers');
    expect(meta(root, 'og:type')).toBe('website');
    const graph = jsonLd(root);
    const website = node(graph, 'WebSite');
    expect(website).toMatchObject({ url: `${SITE}/`, name: 'Async Answers', inLanguage: 'en' });
    const action = website['potentialAction'] as Json;
    expect(action['@type']).toBe('SearchAction');
    expect((action['target'] as Json)['urlTemplate']).toBe(`${SITE}/search/?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');
    await expect(stat(path.join(site.outDir, 'search/index.html'))).resolves.toBeTruthy();
    expect(byId(graph, website['publisher'])).toMatchObject({
      '@type': 'Organization',
      name: 'Async Answers',
    });
  });

  it('describes a page without a description by its short answer, cut on a word boundary', () => {
    const description = meta(page('/about/'), 'description')!;
    expect(description).toBe(
      'This page has no description of its own, so its meta description is this short answer, cut on a word boundary at about one hundred and fifty-five…',
    );
    expect(description.length).toBeLessThanOrEqual(155);
    expect(meta(page('/widgets/'), 'description')).toBe('Questions and answers about Widgets.');
  });
});

describe('drafts and aliases', () => {
  it('marks a draft noindex, without canonical, in a preview build (KB_DRAFTS=1), and lists it nowhere', async () => {
    const preview = await buildSite(FIXTURE, { KB_EXAMPLES: 'off', KB_DRAFTS: '1' });
    const html = await readFile(path.join(preview.outDir, 'widgets/draft-widget/index.html'), 'utf8');
    const root = parseHtml(html);
    expect(meta(root, 'robots')).toBe('noindex');
    expect(root.querySelector('link[rel="canonical"]')).toBeNull();
    for (const file of ['sitemap.xml', 'feed.xml', 'llms.txt']) {
      expect(await readFile(path.join(preview.outDir, file), 'utf8'), file).not.toContain('draft');
    }
  }, 240_000);

  it('leaves a draft out of pages, sitemap, feed, llms.txt, Markdown sources, cards and redirects', async () => {
    await expect(stat(path.join(site.outDir, 'widgets/draft-widget/index.html'))).rejects.toThrow();
    await expect(stat(path.join(site.outDir, 'widgets/draft-widget.md'))).rejects.toThrow();
    await expect(stat(path.join(site.outDir, 'og/widgets/draft-widget.png'))).rejects.toThrow();
    await expect(stat(path.join(site.outDir, 'old/draft-widget/index.html'))).rejects.toThrow();
    for (const file of ['sitemap.xml', 'feed.xml', 'llms.txt', '_redirects']) {
      expect(await output(file), file).not.toContain('draft');
    }
  });

  it('redirects every alias with a static page and a _redirects line', async () => {
    for (const alias of ['old/widget', 'legacy/widget']) {
      const root = pages.get(`${alias}/index.html`)!;
      expect(meta(root, 'robots')).toBe('noindex');
      expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
        '0; url=/widgets/what-is-a-widget/',
      );
      expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${SITE}/widgets/what-is-a-widget/`,
      );
    }
    expect((await output('_redirects')).split('\n')).toEqual([
      '/legacy/widget.html /widgets/what-is-a-widget/ 301',
      '/legacy/widget/ /widgets/what-is-a-widget/ 301',
      '/legacy/widget /widgets/what-is-a-widget/ 301',
      '/old/widget/ /widgets/what-is-a-widget/ 301',
      '/old/widget /widgets/what-is-a-widget/ 301',
      '',
    ]);
  });
});

describe('site files', () => {
  it('lists every published page in a valid sitemap, with the last change of each', () => {
    expect(Object.fromEntries(sitemapLocs)).toEqual({
      [`${SITE}/`]: '2025-06-07',
      [`${SITE}/about/`]: '2025-01-01',
      [`${SITE}/gadgets/`]: '2025-06-07',
      [`${SITE}/gadgets/how-do-gadgets-work/`]: '2025-06-07',
      [`${SITE}/widgets/`]: '2025-04-05',
      [`${SITE}/widgets/evil-title/`]: '2025-04-05',
      [`${SITE}/widgets/what-is-a-widget/`]: '2025-03-04',
    });
  });

  it('names the sitemap in robots.txt', async () => {
    expect(await output('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });

  it('publishes a valid RSS 2.0 feed of the newest articles, with full descriptions and their dates', async () => {
    const feed = rssSchema.parse(parseXml(await output('feed.xml'), ['item', 'category']));
    const { channel } = feed.rss;
    expect(channel['atom:link']?.['@_href']).toBe(`${SITE}/feed.xml`);
    expect(channel.item.map((item) => [item.title, item.pubDate])).toEqual([
      ['How do gadgets work?', 'Sat, 07 Jun 2025 00:00:00 GMT'],
      [EVIL, 'Sat, 05 Apr 2025 00:00:00 GMT'],
      ['What is a widget?', 'Mon, 03 Feb 2025 00:00:00 GMT'],
    ]);
    const widget = channel.item[2]!;
    expect(widget).toMatchObject({
      link: `${SITE}/widgets/what-is-a-widget/`,
      guid: { '#text': `${SITE}/widgets/what-is-a-widget/`, '@_isPermaLink': 'true' },
      description:
        'A widget is a small part of a larger machine; this answer says what it does and how to name one.',
      'dc:creator': 'Ada Example',
      category: ['Widgets', 'basics', 'parts'],
    });
  });

  it('summarises the site for language models in llms.txt, linking each article’s Markdown', async () => {
    const text = await output('llms.txt');
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Async Answers');
    expect(lines).toContain('## Widgets');
    expect(lines).toContain(
      `- [What is a widget?](${SITE}/widgets/what-is-a-widget.md): A widget is a small, named part of a larger machine.`,
    );
    // The first sentence only; "e.g." does not end it.
    expect(lines).toContain(
      `- [How do gadgets work?](${SITE}/gadgets/how-do-gadgets-work.md): A gadget combines several widgets.`,
    );
    for (const match of text.matchAll(/\]\((https:[^)]+\.md)\)/g)) {
      await expect(stat(path.join(site.outDir, new URL(match[1]!).pathname)), match[1]).resolves.toBeTruthy();
    }
  });
});

describe('a title holding `</script><script>alert(1)</script>`', () => {
  const URL_PATH = '/widgets/evil-title/';

  it('stays text in the HTML: no script runs it, no comment opens', () => {
    const root = page(URL_PATH);
    expect(root.querySelector('h1')?.text).toBe(EVIL);
    expect(meta(root, 'og:title')).toBe(EVIL);
    expect(root.querySelector('title')?.text).toBe(
      'Why does </script><script>alert(1)</script> <!-- stay --> & "quote"…',
    );
    // Only the JSON-LD holds the title (as data, escaped); no script that runs does.
    for (const script of root.querySelectorAll('script:not([type="application/ld+json"])')) {
      expect(script.text).not.toContain('alert(1)');
    }
    expect(root.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
  });

  it('is escaped in the HTML text; inside quoted attribute values, where `<` is inert, it stays literal', async () => {
    const html = await output('widgets/evil-title/index.html');
    const all = html.split('<script>alert(1)').length - 1;
    const inAttributes = html.match(/="[^"]*<script>alert\(1\)/g)?.length ?? 0;
    expect(all).toBeGreaterThan(0);
    expect(inAttributes).toBe(all);
    expect(html.split('<!-- stay').length - 1).toBe(html.match(/="[^"]*<!-- stay/g)?.length);
    expect(html).toContain(
      '>Why does &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- stay --&gt; &amp; &quot;quote&quot; escape?</h1>',
    );
    expect(html).toContain('<title>Why does &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is escaped in the JSON-LD, which still parses to the exact title', async () => {
    const raw = (await output('widgets/evil-title/index.html')).match(
      /<script type="application\/ld\+json">([\s\S]*?)<\/script>/,
    )![1]!;
    expect(raw).not.toMatch(/[<>]/);
    expect(raw).toContain('\\u003c/script\\u003e');
    const graph = (JSON.parse(raw) as { '@graph': Json[] })['@graph'];
    expect(node(graph, 'TechArticle')['headline']).toBe(EVIL);
  });

  it('reads as written in a feed reader: text as text, and the description, rendered as HTML, as text', async () => {
    const feed = rssSchema.parse(parseXml(await output('feed.xml'), ['item', 'category']));
    const evil = feed.rss.channel.item.find((item) => item.title === EVIL)!;
    expect(evil.category).toContain('</script>');
    // An item's description is HTML to a reader: the markup the author typed must show, not apply.
    const description = 'a <b>tag</b> & &amp; here';
    const rendered = fromHtml(String(evil.description), { fragment: true });
    expect(toText(rendered)).toContain(description);
    visit(rendered, 'element', (element) => expect.fail(`the description renders a <${element.tagName}>`));
  });

  it('is escaped in the feed, the sitemap and llms.txt', async () => {
    const feed = await output('feed.xml');
    expect(feed).not.toContain('<script>');
    expect(feed).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(await output('sitemap.xml')).not.toMatch(/script|alert/);
    const llms = await output('llms.txt');
    // Rendered as Markdown, llms.txt holds no HTML at all: the title is text.
    const tree = unified().use(remarkParse).parse(llms) as Root;
    visit(tree, (node) => expect(node.type).not.toBe('html'));
    let linkText = '';
    visit(tree, 'link', (link) => {
      if (link.url.endsWith('/evil-title.md'))
        linkText = link.children.map((c) => ('value' in c ? c.value : '')).join('');
    });
    expect(linkText).toBe(EVIL);
  });
});
