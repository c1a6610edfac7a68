import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from './visit-tree.ts';
import './mdast-inline.ts';

/** The options of `pymdownx.smartsymbols` as `mkdocs.yml` gives them: each kind is on unless set to false. */
export interface SmartSymbolsOptions {
  trademark?: boolean;
  copyright?: boolean;
  registered?: boolean;
  plusminus?: boolean;
  arrows?: boolean;
  notequal?: boolean;
  fractions?: boolean;
  ordinal_numbers?: boolean;
  care_of?: boolean;
}

type Kind = keyof SmartSymbolsOptions;

const FRACTIONS: Record<string, string> = {
  '1/4': '¼',
  '1/2': '½',
  '3/4': '¾',
  '1/3': '⅓',
  '2/3': '⅔',
  '1/5': '⅕',
  '2/5': '⅖',
  '3/5': '⅗',
  '4/5': '⅘',
  '1/6': '⅙',
  '5/6': '⅚',
  '1/8': '⅛',
  '3/8': '⅜',
  '5/8': '⅝',
  '7/8': '⅞',
};

const ARROWS: Record<string, string> = { '<-->': '↔', '-->': '→', '<--': '←' };

/** pymdownx's patterns, in the order it applies them (the first to match a place wins). */
const SYMBOLS: { kind: Kind; pattern: string; replace: (match: RegExpExecArray) => PhrasingContent[] }[] = [
  { kind: 'trademark', pattern: String.raw`\(tm\)`, replace: () => [text('™')] },
  { kind: 'copyright', pattern: String.raw`\(c\)`, replace: () => [text('©')] },
  { kind: 'registered', pattern: String.raw`\(r\)`, replace: () => [text('®')] },
  { kind: 'plusminus', pattern: String.raw`\+/-`, replace: () => [text('±')] },
  {
    kind: 'arrows',
    pattern: String.raw`(?<arrows><-{2}>|(?<!-)-{2}>|<-{2}(?!-))`,
    replace: (match) => [text(ARROWS[match.groups!['arrows']!]!)],
  },
  { kind: 'notequal', pattern: '=/=', replace: () => [text('≠')] },
  {
    kind: 'fractions',
    pattern: String.raw`(?<!\d)(?<fraction>1/4|1/2|3/4|1/3|2/3|1/5|2/5|3/5|4/5|1/6|5/6|1/8|3/8|5/8|7/8)(?!\d)`,
    replace: (match) => [text(FRACTIONS[match.groups!['fraction']!]!)],
  },
  {
    kind: 'ordinal_numbers',
    pattern: String.raw`\b(?<leading>(?:[1-9][0-9]*)?)(?<tail>(?<=1)(?:1|2|3)th|1st|2nd|3rd|[04-9]th)\b`,
    replace: (match) => {
      const tail = match.groups!['tail']!;
      return [
        text(`${match.groups!['leading'] ?? ''}${tail.slice(0, -2)}`),
        { type: 'superscript', children: [text(tail.slice(-2))], data: { hName: 'sup' } },
      ];
    },
  },
  { kind: 'care_of', pattern: String.raw`\bc/o\b`, replace: () => [text('℅')] },
];

/**
 * pymdownx.smartsymbols: typed symbols become the characters they stand for, in text (never in
 * code).
 *
 * ```md
 * (c) 2026, (tm), (r), +/-, =/=, c/o    →  © 2026, ™, ®, ±, ≠, ℅
 * --> <-- <-->, 1/2 3/4                  →  → ← ↔, ½ ¾
 * the 1st and 22nd                       →  the 1<sup>st</sup> and 22<sup>nd</sup>
 * ```
 *
 * It runs after heading ids are made, as pymdownx's tree step runs after `toc`'s: `## (c) notes`
 * keeps the id `c-notes` and shows `© notes`.
 */
export function remarkSmartSymbols(options: SmartSymbolsOptions = {}) {
  const enabled = SYMBOLS.filter((symbol) => options[symbol.kind] !== false);
  const pattern = new RegExp(
    enabled.map((symbol, index) => `(?<s${index}>${symbol.pattern})`).join('|'),
    'g',
  );
  return (tree: Root) => {
    if (enabled.length === 0) return;
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const replaced = replaceSymbols(node.value, pattern, enabled);
      if (!replaced) return;
      parent.children.splice(index, 1, ...replaced);
      return index + replaced.length;
    });
  };
}

function replaceSymbols(
  value: string,
  pattern: RegExp,
  enabled: typeof SYMBOLS,
): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const which = enabled.findIndex((_, index) => match!.groups![`s${index}`] !== undefined);
    const symbol = enabled[which]!;
    // The symbol's own groups, as its pattern alone would have found them.
    const own = new RegExp(symbol.pattern, 'y');
    own.lastIndex = match.index;
    const alone = own.exec(value)!;
    if (match.index > last) out.push(text(value.slice(last, match.index)));
    out.push(...symbol.replace(alone));
    last = match.index + match[0].length;
  }
  if (last === 0) return undefined;
  if (last < value.length) out.push(text(value.slice(last)));
  return mergeText(out);
}

/** Adjacent text nodes as one. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else merged.push(node);
  }
  return merged;
}

function text(value: string): Text {
  return { type: 'text', value };
}
