import type { ShikiConfig } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import { parseFenceMeta } from './fence-meta.ts';

/** A shiki transformer, as Astro's `shikiConfig.transformers` takes them. */
export type ShikiTransformer = NonNullable<ShikiConfig['transformers']>[number];

/** The options of `pymdownx.highlight` that change how a block's lines are drawn, as `mkdocs.yml` gives them. */
export interface HighlightOptions {
  /** `true` numbers every block, `false` none (even with `linenums` in the fence); unset leaves it to each fence. */
  linenums?: boolean | null;
  /** Every n-th number gets the class `special`; `-1` (the default) for none. */
  linenums_special?: number;
}

/** The hast property (`data-linenos-start`) on `<pre>` that holds the first line's number when it is not 1 (read by the line-anchor step). */
export const LINENOS_START = 'dataLinenosStart';

/**
 * Shiki transformers for pymdownx.highlight's per-block options, read from the fence meta.
 *
 * ````md
 * ```py hl_lines="2 4-5"     → lines 2, 4 and 5 get the class `hll` (counted from the block's first line)
 * ```py linenums="5"         → each line starts with <span class="linenos" data-linenos="5 "></span>
 * ```py linenums="1 2 3"     → numbers from 1, shown every 2nd line, every 3rd line `special`
 * ````
 *
 * Line numbers are drawn by CSS from `data-linenos`, as pymdownx's `pymdownx-inline` style
 * does, so they are never part of the code's text: copying, searching and screen readers get
 * the code alone. `title` is the code figure's caption (remark-code-figures), not this.
 */
export function highlightOptionTransformers(options: HighlightOptions = {}): ShikiTransformer[] {
  return [highlightLines(), lineNumbers(options)];
}

function metaOf(context: { options: { meta?: { __raw?: string | undefined } | undefined } }) {
  return parseFenceMeta(context.options.meta?.__raw);
}

/** `hl_lines="1 3-4"`: the class `hll` on those lines. */
function highlightLines(): ShikiTransformer {
  // Keyed by shiki's per-block `meta` object: what one block's fence says never leaks into the next.
  const blocks = new WeakMap<object, Set<number>>();
  return {
    name: 'pymdownx-hl-lines',
    preprocess() {
      blocks.set(this.meta, parseLineList(metaOf(this).options.get('hl_lines')));
    },
    line(line, number) {
      if (blocks.get(this.meta)?.has(number)) this.addClassToHast(line, 'hll');
    },
  };
}

/** `linenums="start [step [special]]"`, or every block with the global `linenums: true`. */
function lineNumbers(options: HighlightOptions): ShikiTransformer {
  const blocks = new WeakMap<object, Numbering & { width: number }>();
  return {
    name: 'pymdownx-linenums',
    preprocess(code) {
      const numbering = parseNumbering(metaOf(this).options.get('linenums'), options);
      if (!numbering) return;
      const count = code.replace(/\r?\n$/, '').split(/\r?\n/).length;
      blocks.set(this.meta, { ...numbering, width: String(numbering.start + count - 1).length });
    },
    pre(pre) {
      const numbering = blocks.get(this.meta);
      if (numbering && numbering.start !== 1) pre.properties[LINENOS_START] = String(numbering.start);
    },
    line(line, index) {
      const numbering = blocks.get(this.meta);
      if (!numbering) return;
      const number = numbering.start + index - 1;
      const shown = number % numbering.step === 0 ? String(number) : '';
      const special = numbering.special > 0 && number % numbering.special === 0;
      const span: Element = {
        type: 'element',
        tagName: 'span',
        properties: {
          className: ['linenos', ...(special ? ['special'] : [])],
          dataLinenos: `${shown.padStart(numbering.width)} `,
        },
        children: [],
      };
      line.children.unshift(span);
    },
  };
}

interface Numbering {
  start: number;
  step: number;
  special: number;
}

function parseNumbering(value: string | undefined, options: HighlightOptions): Numbering | undefined {
  if (options.linenums === false) return undefined;
  const [start = 1, step = 1, special = options.linenums_special ?? -1] = (value ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => Number.parseInt(part, 10));
  if (value === undefined && options.linenums !== true) return undefined;
  // pymdownx: a start below 1 means no line numbers, unless they are on for every block.
  if (Number.isNaN(start) || (start < 1 && options.linenums !== true)) return undefined;
  return {
    start: Math.max(start, 1),
    step: Number.isNaN(step) || step < 1 ? 1 : step,
    special: Number.isNaN(special) ? -1 : special,
  };
}

/** `"1 3-4"` → {1, 3, 4}. */
export function parseLineList(value: string | undefined): Set<number> {
  const lines = new Set<number>();
  for (const part of (value ?? '').split(/\s+/).filter(Boolean)) {
    const [from, to = from] = part.split('-').map((number) => Number.parseInt(number, 10));
    if (from === undefined || to === undefined || Number.isNaN(from) || Number.isNaN(to)) continue;
    for (let line = from; line <= to; line++) lines.add(line);
  }
  return lines;
}
