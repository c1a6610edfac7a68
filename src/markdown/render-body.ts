import { randomUUID } from 'node:crypto';
import { rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';
import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from './visit-tree.ts';
import { VFile } from 'vfile';
import type { MarkdownExtensions } from './block-extensions.ts';
import { inlineExtensionPlugins } from './inline-extensions.ts';
import { rehypeCodeMeta } from './rehype-code-meta.ts';
import { rehypeInlineHilite } from './rehype-inline-hilite.ts';
import { rehypeRawWhereNeeded, remarkNoteHtmlElements } from './rehype-raw-where-needed.ts';
import { remarkCodeFigures, SLOT_ELEMENT } from './remark-code-figures.ts';
import { remarkPageBody, TITLE_HEADING_PROPERTY } from './remark-page-body.ts';
import { remarkRewriteLinks, type LinkRewriter } from './remark-rewrite-links.ts';

/**
 * A body as HTML, cut where examples' verification lines go: the page puts the line for code
 * block `slots[i]` between `html[i]` and `html[i + 1]`, with what this build verified.
 */
export interface RenderedBody {
  html: string[];
  slots: number[];
  /** The inner HTML of the H1 that opens the body, which the layout shows as the page's heading. */
  heading?: string;
}

/**
 * Renders a parsed body (its facts derived) to HTML: `file` is its path relative to the content
 * folder, `data` what the parse steps recorded for the render steps.
 */
export type BodyRenderer = (tree: Root, file: string, data?: VFile['data']) => Promise<RenderedBody>;

/** Code colours: both themes as CSS variables; the stylesheet picks one per colour scheme. */
export const SHIKI_CONFIG: ShikiConfig = {
  // GitHub's "default" themes: every token colour meets WCAG AA contrast on its background.
  themes: { light: 'github-light-default', dark: 'github-dark-default' },
  defaultColor: false,
};

/**
 * Creates the page renderer: the tree the facts came from, through Astro's own steps (remark-rehype,
 * raw HTML, Astro's shiki), after our page steps. One per run: it keeps one highlighter.
 */
export function createBodyRenderer(options: {
  rewriteLink: LinkRewriter;
  /** The site's Markdown extensions: their code options (line numbers, highlighted lines, annotations). */
  extensions: MarkdownExtensions;
  /** Off only where a person reads the HTML itself (tests); pages are always highlighted. */
  highlight?: boolean;
  /** Tests only: every body through rehype-raw, which pages take only where they need it. */
  rawAlways?: boolean;
}): BodyRenderer {
  // The code of the annotated blocks of the bodies being rendered (renders overlap while shiki
  // awaits), so that only those are tokenized again for their markers.
  const annotated = new Map<string, number>();
  const code = inlineExtensionPlugins(options.extensions, {
    annotated: (text) => annotated.has(withoutFinalNewline(text)),
  });
  // The order matters: the body loses what the layout shows before links are rewritten, and code
  // figures come last, once every code block is where it stays.
  const processor = unified()
    .use(remarkPageBody)
    .use(remarkRewriteLinks, { rewrite: options.rewriteLink })
    .use(remarkCodeFigures)
    .use(remarkNoteHtmlElements)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [] });
  // The fence meta (line numbers, highlighted lines) must outlive rehype-raw to reach shiki.
  if (options.highlight !== false) processor.use(rehypeCodeMeta);
  processor.use(rehypeRawWhereNeeded, { always: options.rawAlways === true });
  if (options.highlight !== false) {
    processor.use(rehypeShiki, { ...SHIKI_CONFIG, transformers: code.shikiTransformers });
    // Inline code that names its language (pymdownx.inlinehilite), in the blocks' colours.
    if ('pymdownx.inlinehilite' in options.extensions) processor.use(rehypeInlineHilite, SHIKI_CONFIG);
  }
  // After shiki, whose lines they number and annotate.
  processor.use(code.rehypePlugins).use(rehypeStringify, { allowDangerousHtml: true });
  return async (tree, file, data = {}) => {
    const vfile = new VFile({ path: file, data });
    const codes = (data.codeAnnotations ?? []).map((record) => withoutFinalNewline(record.code));
    for (const text of codes) annotated.set(text, (annotated.get(text) ?? 0) + 1);
    const hast = (await processor.run(tree, vfile).finally(() => {
      for (const text of codes) {
        const count = annotated.get(text)! - 1;
        if (count > 0) annotated.set(text, count);
        else annotated.delete(text);
      }
    })) as HastRoot;
    const headingNode = liftTitleHeading(hast);
    const heading = headingNode && String(processor.stringify(headingNode, vfile));
    // A marker no author can have written: it is new for each body.
    const marker = `kb-slot-${randomUUID()}`;
    const slots = markSlots(hast, marker);
    const html = String(processor.stringify(hast, vfile)).split(`<!--${marker}-->`);
    return heading === undefined ? { html, slots } : { html, slots, heading };
  };
}

/** Code as shiki receives it (Astro drops one final line break), and as the annotation records hold it. */
function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Takes the title heading out of the body and returns its content. */
function liftTitleHeading(tree: HastRoot): HastRoot | undefined {
  for (const [index, node] of tree.children.entries()) {
    if (node.type !== 'element' || !(TITLE_HEADING_PROPERTY in node.properties)) continue;
    tree.children.splice(index, 1);
    return { type: 'root', children: node.children };
  }
  return undefined;
}

/** Replaces each slot element with a comment that the HTML is cut at. */
function markSlots(tree: HastRoot, marker: string): number[] {
  const slots: number[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== SLOT_ELEMENT || !parent || index === undefined) return;
    slots.push(Number(node.properties['dataCode']));
    parent.children[index] = { type: 'comment', value: marker };
  });
  return slots;
}
