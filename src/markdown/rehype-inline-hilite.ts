import { createShikiHighlighter, type ShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import type { Element, Root } from 'hast';
import type { ShikiConfig } from '@astrojs/markdown-remark';
import { visit } from './visit-tree.ts';
import { INLINE_LANGUAGE_PROPERTY } from './remark-inline-hilite.ts';

/**
 * Colours the inline code that `remarkInlineHilite` marked, with the themes of the page's code
 * blocks: `<code class="highlight" data-inline-language="python">` gets shiki's spans, and
 * shiki's classes and colour variables, so the stylesheet's light and dark rules apply as they
 * do to blocks. A language shiki does not know stays plain text, as a block's would.
 *
 * One highlighter per processor (one per build), made when a page first needs it.
 */
export function rehypeInlineHilite(config: Pick<ShikiConfig, 'themes' | 'defaultColor'>) {
  let highlighter: Promise<ShikiHighlighter> | undefined;
  return async (tree: Root) => {
    const marked: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'code' && typeof node.properties[INLINE_LANGUAGE_PROPERTY] === 'string')
        marked.push(node);
    });
    if (marked.length === 0) return;
    highlighter ??= createShikiHighlighter(config.themes ? { themes: config.themes } : {});
    const shiki = await highlighter;
    for (const node of marked) {
      const language = String(node.properties[INLINE_LANGUAGE_PROPERTY]);
      const code = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      const element = codeElement(
        await shiki.codeToHast(code, language, { inline: true, defaultColor: config.defaultColor ?? false }),
      );
      if (!element) continue;
      // One line of spans, straight in the `<code>`; shiki's colour variables on it, none of a
      // block's scrolling or focus.
      node.children = element.children.flatMap((child) =>
        child.type === 'element' &&
        child.tagName === 'span' &&
        classNames(child.properties['className']).includes('line')
          ? child.children
          : [child],
      );
      const style = String(element.properties['style'] ?? '')
        .replace(/\s*overflow-x:\s*auto;?/, '')
        .trim();
      node.properties = {
        className: [
          'highlight',
          ...classNames(element.properties['class'] ?? element.properties['className']),
        ],
        ...(style ? { style } : {}),
        [INLINE_LANGUAGE_PROPERTY]: language,
      };
    }
  };
}

/** Astro's helper hands back the `<code>` element itself, typed as a root, when asked for inline code. */
function codeElement(highlighted: Root | Element): Element | undefined {
  if (highlighted.type === 'element') return highlighted;
  return highlighted.children.find((child): child is Element => child.type === 'element');
}

function classNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
