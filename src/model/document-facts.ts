import GithubSlugger from 'github-slugger';
import type { Heading, Root, RootContent } from 'mdast';
import { findOutputBlock, OUTPUT_LANGUAGES } from '../markdown/output-blocks.ts';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** A point in a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** A link, image or reference definition as written in the Markdown. */
export interface LinkFact extends Place {
  url: string;
  kind: 'link' | 'image' | 'definition';
}

/** A fenced code block that is not itself an output block, with the output block after it. */
export interface CodeFact extends Place {
  lang: string | undefined;
  meta: string | undefined;
  value: string;
  /** 1-based line of the closing fence. */
  endLine: number;
  /** The output block that follows, as DESIGN.md defines it. */
  output: (Place & { text: string; endLine: number }) | undefined;
}

/** An HTML comment `<!-- kb-ignore rule-a rule-b -->` and the lines it covers. */
export interface IgnoreFact extends Place {
  rules: string[];
  fromLine: number;
  toLine: number;
}

/** What the checks need to know about one Markdown body. */
export interface DocumentFacts {
  h1: (Place & { text: string }) | undefined;
  /** Heading ids as the renderer assigns them, in order, the H1 that repeats the title left out. */
  headingIds: Set<string>;
  inShort: (Place & { text: string }) | undefined;
  links: LinkFact[];
  jsonLd: (Place & { text: string })[];
  ignores: IgnoreFact[];
  code: CodeFact[];
}

const JSON_LD = /^<script\b[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>\s*$/i;
const IGNORE = /^<!--\s*kb-ignore\s+([\w\s,-]+?)\s*-->$/;

/** Collects headings, links, the short answer, JSON-LD, ignore comments and code from a parsed body. */
export function extractFacts(tree: Root, title: string | undefined): DocumentFacts {
  const facts: DocumentFacts = {
    h1: undefined,
    headingIds: new Set(),
    inShort: undefined,
    links: [],
    jsonLd: [],
    ignores: [],
    code: [],
  };
  const slugger = new GithubSlugger();
  visit(tree, (node, index, parent) => {
    const place = { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
    switch (node.type) {
      case 'heading':
        if (node.depth === 1 && facts.h1 === undefined && parent === tree) {
          facts.h1 = { ...place, text: toString(node) };
          if (title !== undefined && sameText(facts.h1.text, title)) return;
        }
        facts.headingIds.add(slugger.slug(headingText(node)));
        return;
      case 'admonition':
        if (node.inShort)
          facts.inShort = {
            ...place,
            text: node.children
              .slice(1)
              .map((child) => toString(child))
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
          };
        return;
      case 'link':
      case 'image':
      case 'definition':
        facts.links.push({ ...place, url: node.url, kind: node.type });
        return;
      case 'code': {
        const siblings = (parent?.children ?? []) as RootContent[];
        if (index === undefined || isOutputOfPrevious(siblings, index)) return;
        const output = OUTPUT_LANGUAGES.has(node.lang ?? '')
          ? undefined
          : findOutputBlock(siblings, index)?.code;
        facts.code.push({
          ...place,
          lang: node.lang ?? undefined,
          meta: node.meta ?? undefined,
          value: node.value,
          endLine: node.position?.end.line ?? place.line,
          output: output && {
            line: output.position?.start.line ?? 0,
            column: output.position?.start.column ?? 0,
            endLine: output.position?.end.line ?? 0,
            text: output.value,
          },
        });
        return;
      }
      case 'html': {
        const value = node.value.trim();
        const jsonLd = JSON_LD.exec(value);
        if (jsonLd) facts.jsonLd.push({ ...place, text: jsonLd[1] ?? '' });
        const ignore = IGNORE.exec(value);
        if (ignore)
          facts.ignores.push({
            ...place,
            ...coveredLines(node, parent?.children[(index ?? 0) + 1]),
            rules: ignore[1]!.split(/[\s,]+/).filter(Boolean),
          });
        return;
      }
      default:
        return;
    }
  });
  return facts;
}

/**
 * Text as Astro's heading-id step sees it: text and code values, with its `{` quirk outside
 * code, and with smart punctuation's dashes (the only change it makes that the slugger keeps).
 */
function headingText(node: Heading): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text') text += child.value.replace(/\{/g, '${').replace(/---|--/g, '\u2014');
    else if (child.type === 'inlineCode') text += child.value;
  });
  return text;
}

/** True when the code block at `index` is the output block of an example before it. */
function isOutputOfPrevious(siblings: readonly RootContent[], index: number): boolean {
  for (const back of [1, 2]) {
    const candidate = siblings[index - back];
    if (candidate?.type === 'code' && !OUTPUT_LANGUAGES.has(candidate.lang ?? '')) {
      return findOutputBlock(siblings, index - back)?.index === index;
    }
  }
  return false;
}

/** An ignore comment covers its own line and the block right after it. */
function coveredLines(
  comment: RootContent,
  next: RootContent | undefined,
): { fromLine: number; toLine: number } {
  const fromLine = comment.position?.start.line ?? 0;
  return { fromLine, toLine: next?.position?.end.line ?? fromLine };
}

/** Compares a heading with the title the way a reader would: smart quotes and spacing aside. */
export function sameText(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}

/** Straightens quotes, dashes and ellipses and folds whitespace, undoing smart punctuation. */
export function foldText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]|-{2,3}/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}
