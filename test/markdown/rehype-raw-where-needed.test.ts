import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../../src/markdown/default-extensions.ts';
import { createMarkdownParser } from '../../src/markdown/parse-markdown.ts';
import { rehypeRawWhereNeeded } from '../../src/markdown/rehype-raw-where-needed.ts';
import { createBodyRenderer } from '../../src/markdown/render-body.ts';
import { siteUrlOfLink } from '../../src/model/links.ts';
import { parseDocument } from '../../src/model/load-document.ts';
import { ROOT } from '../helpers/build-site.ts';

/** Every Markdown file of the bundled knowledge base and of the tests' fixtures. */
async function markdownFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of ['content', 'test']) {
    const entries = await readdir(path.join(ROOT, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries)
      if (entry.isFile() && entry.name.endsWith('.md')) found.push(path.join(entry.parentPath, entry.name));
  }
  return found.sort();
}

const element = (tagName: string, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children,
});

describe('rehype-raw where it is needed', () => {
  it('renders every body as when each went through rehype-raw', async () => {
    const tools = (rawAlways: boolean) => ({
      parse: createMarkdownParser({
        extensions: DEFAULT_MARKDOWN_EXTENSIONS,
        projectDir: ROOT,
        features: [],
      }),
      render: createBodyRenderer({
        rewriteLink: (url, from) => siteUrlOfLink(url, from),
        extensions: DEFAULT_MARKDOWN_EXTENSIONS,
        rawAlways,
      }),
    });
    const [where, always] = [tools(false), tools(true)];
    const files = await markdownFiles();
    expect(files.length).toBeGreaterThan(300);
    let rendered = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const name = path.relative(ROOT, file);
      const [a, b] = [
        await parseDocument(name, text, where, true),
        await parseDocument(name, text, always, true),
      ];
      expect(a.body, name).toEqual(b.body);
      if (a.body) rendered++;
    }
    expect(rendered).toBeGreaterThan(300);
  }, 300_000);

  it('leaves a tree of Markdown alone, and re-parses one with raw HTML or with elements written as HTML', () => {
    const transform = rehypeRawWhereNeeded();
    const plain: HastRoot = { type: 'root', children: [element('p', [{ type: 'text', value: 'text' }])] };
    expect(transform(plain, new VFile())).toBeUndefined();
    // A paragraph inside a paragraph: parse5 closes the first, and the stray end tag opens a third.
    const nested = (): HastRoot => ({ type: 'root', children: [element('p', [element('p')])] });
    const marked = new VFile();
    marked.data.kbHtmlElements = true;
    expect(
      transform(nested(), marked)?.children.map((child) => child.type === 'element' && child.tagName),
    ).toEqual(['p', 'p', 'p']);
    const raw: HastRoot = { type: 'root', children: [{ type: 'raw', value: '<b>bold</b>' }] };
    const reparsed = transform(raw, new VFile());
    expect(reparsed?.children[0]).toMatchObject({ type: 'element', tagName: 'b' });
    expect(rehypeRawWhereNeeded({ always: true })(nested(), new VFile())?.children).toHaveLength(3);
  });
});
