import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from './visit-tree.ts';
import { LINENOS_START } from './shiki-highlight-options.ts';

/** The options of `pymdownx.highlight` that give code lines ids, as `mkdocs.yml` gives them. */
export interface CodeLineAnchorOptions {
  /** Line numbers link to their line (`#__codelineno-0-3`), and lines get those anchors. */
  anchor_linenums?: boolean;
  /** Prefix of an anchor at the start of each line (`__codelineno` gives `__codelineno-0-3`). */
  line_anchors?: string | boolean;
  /** Prefix of each line's id (Material's `__span` gives `__span-0-3`). */
  line_spans?: string | boolean;
}

/**
 * Ids for code lines, as pymdownx.highlight writes them, so links such as
 * `page/#__codelineno-2-7` (block 2 of the page, line 7) keep working after a move.
 *
 * ```html
 * <span class="line">…                  →  <span class="line" id="__span-2-7"><a id="__codelineno-2-7"></a>
 *   <span class="linenos" …></span>           <a href="#__codelineno-2-7" aria-hidden="true" tabindex="-1"><span class="linenos" …></span></a>…
 * ```
 *
 * Runs after shiki: blocks are counted in page order, as pymdownx counts them, and lines by
 * the number they show (`linenums="5"` starts at 5). The links are hidden from screen readers
 * and the tab order: they only offer a line's address to a pointer.
 */
export function rehypeCodeLineAnchors(options: CodeLineAnchorOptions = {}) {
  const anchors =
    typeof options.line_anchors === 'string' && options.line_anchors
      ? options.line_anchors
      : options.anchor_linenums
        ? '__codelineno'
        : undefined;
  const spans = typeof options.line_spans === 'string' && options.line_spans ? options.line_spans : undefined;
  return (tree: Root) => {
    if (!anchors && !spans) return;
    let block = 0;
    visit(tree, 'element', (pre: Element) => {
      if (pre.tagName !== 'pre' || !isHighlighted(pre)) return;
      const code = pre.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      );
      const start = Number(pre.properties[LINENOS_START] ?? 1);
      const lines = (code?.children ?? []).filter(
        (child): child is Element => child.type === 'element' && hasClass(child, 'line'),
      );
      for (const [index, line] of lines.entries()) {
        const suffix = `${block}-${start + index}`;
        if (spans) line.properties['id'] = `${spans}-${suffix}`;
        if (!anchors) continue;
        const id = `${anchors}-${suffix}`;
        line.children = line.children.map((child): ElementContent =>
          options.anchor_linenums && child.type === 'element' && hasClass(child, 'linenos')
            ? h('a', { href: `#${id}`, ariaHidden: 'true', tabIndex: -1 }, child)
            : child,
        );
        line.children.unshift(h('a', { id }));
      }
      block++;
    });
  };
}

/** A block shiki drew (Astro names it `astro-code`). */
function isHighlighted(pre: Element): boolean {
  return hasClass(pre, 'astro-code') || hasClass(pre, 'shiki');
}

/** Shiki's hast names classes `class` (a string); remark-rehype's, `className` (a list). */
export function hasClass(element: Element, name: string): boolean {
  const value = element.properties['className'] ?? element.properties['class'];
  if (Array.isArray(value)) return value.includes(name);
  return typeof value === 'string' && value.split(/\s+/).includes(name);
}
