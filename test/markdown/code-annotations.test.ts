import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { render } from './render.ts';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { findOutputBlock } from '../../src/markdown/output-blocks.ts';
import { remarkCodeAnnotations } from '../../src/markdown/remark-code-annotations.ts';
import { remarkCodeFigures } from '../../src/markdown/remark-code-figures.ts';
import { renderInline } from './helpers/render-inline.ts';

const source = await readFile(
  path.join(import.meta.dirname, 'fixtures/code-annotations/with-output.md'),
  'utf8',
);
const CODE = source.slice(source.indexOf('\n') + 1, source.indexOf('\n```\n'));
const MATERIAL = { 'pymdownx.highlight': {}, 'pymdownx.superfences': {} };

async function ours(markdown: string, features: string[] = ['content.code.annotate'], figures = false) {
  const steps = inlineExtensionPlugins(MATERIAL, { features });
  return renderInline(markdown, {
    remark: [...steps.remarkPlugins, ...(figures ? [remarkCodeFigures] : [])],
    rehype: steps.rehypePlugins,
    shiki: { transformers: steps.shikiTransformers },
  });
}

function find(html: string, test: (element: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

const classes = (element: Element) =>
  Array.isArray(element.properties['className']) ? element.properties['className'] : [];

describe('code annotations', () => {
  it('link each marker in a comment to its annotation, and only those', async () => {
    const { html } = await ours(source);
    const markers = find(html, (element) => classes(element).includes('code-annotation'));
    expect(
      markers.map((marker) => [
        marker.tagName,
        marker.properties['href'],
        toText(marker),
        marker.properties['title'],
      ]),
    ).toEqual([
      ['a', '#code-annotations-1-1', '(1)', 'Yields to the event loop once, so other tasks can run.'],
      // `(2)!` stands for its whole comment.
      ['a', '#code-annotations-1-2', '# (2)!', 'Prints 3: the marker and its comment show as one badge.'],
    ]);
    // `(3)` names no item, and `sum([1, 2])` is code, not a comment: neither is a marker.
    expect(html).not.toContain('href="#code-annotations-1-3"');
  });

  it("keep the code's text as written: what examples run and the copy button copies", async () => {
    const { html } = await ours(source);
    const [pre] = find(html, (element) => element.tagName === 'pre');
    expect(toText(pre!, { whitespace: 'pre' })).toBe(CODE);
  });

  it('put the list under its code and leave the output block paired with the example', async () => {
    const processor = unified().use(remarkParse).use(remarkCodeAnnotations, { all: true });
    const file = new VFile(source);
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    expect(tree.children.map((node) => node.type)).toEqual(['code', 'paragraph', 'code', 'list']);
    expect(findOutputBlock(tree.children, 0)?.code.value).toBe('3');
    expect(tree.children[0]).toMatchObject({ type: 'code', value: CODE });

    // Through the site's own pipeline, where the model pairs the example with its output.
    const { html } = await render(source, {
      extensions: { 'pymdownx.superfences': {} },
      features: ['content.code.annotate'],
      highlight: true,
    });
    const [example, output] = find(html, (element) => element.tagName === 'figure');
    expect(classes(example!)).toContain('kb-code-example');
    expect(
      example!.children
        .filter((child) => child.type === 'element')
        .map((child) => (child as Element).tagName),
    ).toEqual(['pre', 'ol', 'button']);
    expect(classes(output!)).toContain('kb-code-output');
    // The renderer tokenizes again only the blocks with a list: this one's markers are still links.
    const links = find(
      html,
      (element) => element.tagName === 'a' && classes(element).includes('code-annotation'),
    );
    expect(links.map((link) => link.properties['href'])).toEqual([
      '#code-annotations-1-1',
      '#code-annotations-1-2',
    ]);
  });

  it('need the `content.code.annotate` feature or an `.annotate` fence', async () => {
    const plain = await ours(source, []);
    expect(plain.html).not.toContain('code-annotation');
    expect(plain.html).toContain('</code></pre>\n<ol>\n<li>Yields to the event loop once');
    const annotated = await ours(source.replace('```py', '```py .annotate'), []);
    expect(annotated.html).toContain('class="code-annotation"');
  });

  it('leave an ordered list alone when the block has no marker in a comment', async () => {
    const { html } = await ours('```js\nstep(1);\n```\n\n1. Then run it.\n');
    expect(html).not.toContain('code-annotation');
    expect(html).toMatch(/<\/pre>\n<ol>\n<li>Then run it.<\/li>\n<\/ol>$/);
  });
});
