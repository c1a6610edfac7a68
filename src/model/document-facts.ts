import type { Properties } from 'hast';
import type { Heading, List, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from '../markdown/visit-tree.ts';
import type { HeadingFact } from '../markdown/heading-ids.ts';
import type { PageRole } from '../markdown/mdast-extensions.ts';
import { findOutputBlock, OUTPUT_LANGUAGES } from '../markdown/output-blocks.ts';
import { plainText } from '../markdown/plain-text.ts';

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

/** A "See also" item as the Markdown writes it: one link, and any plain text around it. */
export interface SeeAlsoItem {
  /** The link as written (`timeouts.md#x`, `https://…`). */
  url: string;
  /** The link text as written. */
  text: string;
  /** Plain text before the link in the item (`External:`), trimmed. */
  before: string;
  /** Plain text after the link in the item, trimmed. */
  after: string;
}

/** An HTML comment `<!-- kb-ignore rule-a rule-b -->` and the lines it covers. */
export interface IgnoreFact extends Place {
  rules: string[];
  fromLine: number;
  toLine: number;
}

/**
 * HTML the author wrote that the page publishes as written: a raw HTML block or tag (`html`,
 * its text as in the tree, a container's indent removed), or attributes written on an element
 * (`attributes`: `{: … }` of `attr_list`, or the tag of `md_in_html`, which names `tagName`).
 * Hand-written JSON-LD and `<!-- more -->` are not here: the page leaves them out.
 */
export type HtmlFact = Place &
  (
    | { kind: 'html'; html: string }
    | { kind: 'attributes'; tagName: string | undefined; attributes: Properties }
  );

/** A hand-written `<script type="application/ld+json">` block: never on the page, checked, then replaced by the generated one. */
export interface JsonLdFact extends Place {
  /** What a browser reads as the script: from the end of the opening tag to the first `</script`. */
  text: string;
  /** The length of the opening tag, after which `text` starts on the block's first line. */
  tagLength: number;
  /** What follows that first `</script>` in the block, which a browser would read as HTML; empty when nothing does. */
  after: string;
  /** True when the block never closes its script. */
  unclosed: boolean;
}

/** The body's first top-level H1, if it has one. */
export interface TitleHeadingFact extends Place {
  text: string;
  id: string;
  /**
   * True when it opens the body (nothing but comments before it): it is then the page's heading,
   * shown once at the top with this id, as MkDocs shows it, whatever the title says.
   */
  leads: boolean;
}

/** Everything known about one Markdown body; the checks and the page read these and nothing else. */
export interface DocumentFacts {
  h1: TitleHeadingFact | undefined;
  /** Every heading on the page with its id, in order; the H1 that repeats the title included. */
  headings: HeadingFact[];
  inShort: (Place & { text: string }) | undefined;
  links: LinkFact[];
  /** The "See also" section when it is a list of one-link items, which the page shows from these facts, under its heading's id. */
  seeAlso: (Place & { id: string; items: SeeAlsoItem[] }) | undefined;
  jsonLd: JsonLdFact[];
  /** Raw HTML and written attributes that reach the page, which a site that does not trust its authors checks. */
  html: HtmlFact[];
  /** Lines of what only the build reads (`<!-- more -->`, JSON-LD): left out of the page and of its published Markdown. */
  buildOnly: { line: number; endLine: number }[];
  ignores: IgnoreFact[];
  code: CodeFact[];
  /** What the page needs besides its HTML: KaTeX's stylesheet for math, the script that draws diagrams. */
  needs: { math: boolean; diagrams: boolean };
}

/** The opening tag of a hand-written JSON-LD block; whatever follows it, the block is only the build's. */
const JSON_LD_OPEN = /^<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json\b["']?[^>]*>/i;
/** Where a browser ends a script: the first `</script` followed by a space, `/` or `>`. */
const SCRIPT_END = /<\/script[\s/>]/i;
const MORE_MARKER = /^<!--\s*more\s*-->$/i;
const IGNORE = /^<!--\s*kb-ignore\s+([\w\s,-]+?)\s*-->$/;
const SEE_ALSO = /^see also$/i;
/** Nodes whose HTML children are inline, within a sentence. */
const INLINE_PARENTS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
]);

/**
 * Derives the facts of a parsed body whose headings have their ids, and records on the nodes
 * what the page must do with them (see `PageRole`), so that the renderer never decides again.
 */
export function deriveFacts(tree: Root, headings: HeadingFact[]): DocumentFacts {
  const facts: DocumentFacts = {
    h1: undefined,
    headings,
    inShort: undefined,
    links: [],
    seeAlso: undefined,
    jsonLd: [],
    html: [],
    buildOnly: [],
    ignores: [],
    code: [],
    needs: { math: false, diagrams: false },
  };
  const h1 = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  if (h1) {
    const before = tree.children.slice(0, tree.children.indexOf(h1));
    const leads = before.every((node) => node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim()));
    facts.h1 = { ...placeOf(h1), text: toString(h1), id: String(h1.data?.hProperties?.['id'] ?? ''), leads };
    if (leads) role(h1, 'title-heading');
  }
  facts.seeAlso = liftSeeAlso(tree);

  visit(tree, (node, index, parent) => {
    if (node.data?.kbAttributes)
      facts.html.push({
        ...placeOf(node),
        kind: 'attributes',
        tagName: node.data.hName,
        attributes: node.data.kbAttributes,
      });
    switch (node.type) {
      case 'admonition':
        if (node.inShort && !facts.inShort) {
          // Its body: everything but the title, which an admonition titled `""` does not have.
          const body = node.title === '' ? node.children : node.children.slice(1);
          facts.inShort = { ...placeOf(node), text: plainText(body as Nodes[]) };
        }
        return;
      case 'link':
      case 'image':
      case 'definition':
        facts.links.push({ ...placeOf(node), url: node.url, kind: node.type });
        return;
      case 'code':
        if (node.data?.kbRole !== 'output' && parent && index !== undefined)
          facts.code.push(exampleFact(parent.children as RootContent[], index, facts.code.length));
        return;
      case 'html': {
        const value = node.value.trim();
        // HTML inside a paragraph is part of its sentence: only HTML blocks are build-only.
        if (!(parent && INLINE_PARENTS.has(parent.type))) {
          const jsonLd = jsonLdOf(value);
          let endLine = node.position?.end.line ?? 0;
          if (jsonLd) {
            // What the author wrote after the script's end on its last line was split off into
            // nodes of its own: it belongs to the block, and leaves the page with it.
            const rest = parent ? followingOnLine(parent.children as RootContent[], index ?? 0, endLine) : [];
            for (const next of rest) role(next, 'build-only');
            endLine = Math.max(endLine, ...rest.map((next) => next.position?.end.line ?? 0));
            const after = [
              jsonLd.after,
              ...rest.map((next) => (next.type === 'html' ? next.value : toString(next))),
            ];
            facts.jsonLd.push({ ...placeOf(node), ...jsonLd, after: after.join('').trim() });
          }
          if (isBuildOnly(value)) {
            role(node, 'build-only');
            facts.buildOnly.push({ line: placeOf(node).line, endLine });
          }
        }
        if (node.data?.kbRole !== 'build-only')
          facts.html.push({ ...placeOf(node), kind: 'html', html: node.value });
        const ignore = IGNORE.exec(value);
        if (ignore)
          facts.ignores.push({
            ...placeOf(node),
            ...coveredLines(node, parent?.children[(index ?? 0) + 1]),
            rules: ignore[1]!.split(/[\s,]+/).filter(Boolean),
          });
        return;
      }
      case 'inlineMath':
      case 'math':
        facts.needs.math = true;
        return;
      case 'customFence':
        if ([node.data?.hProperties?.['className']].flat().includes('mermaid')) facts.needs.diagrams = true;
        return;
      default:
        return;
    }
  });
  return facts;
}

/** Records a code block as an example, and the output block after it (if any) as its output. */
function exampleFact(siblings: RootContent[], index: number, codeIndex: number): CodeFact {
  const node = siblings[index] as Extract<RootContent, { type: 'code' }>;
  role(node, 'example', codeIndex);
  const found = OUTPUT_LANGUAGES.has(node.lang ?? '') ? undefined : findOutputBlock(siblings, index);
  if (found) {
    role(found.code, 'output', codeIndex);
    if (found.labelIndex !== undefined) role(siblings[found.labelIndex]!, 'output-label');
  }
  const output = found?.code;
  return {
    ...placeOf(node),
    lang: node.lang ?? undefined,
    meta: node.meta ?? undefined,
    value: node.value,
    endLine: node.position?.end.line ?? 0,
    output: output && {
      ...placeOf(output),
      endLine: output.position?.end.line ?? 0,
      text: output.value,
    },
  };
}

/**
 * The top-level "See also" section (an H2 and one list of one-link items), marked for the page
 * to show from the facts; a section of any other shape stays in the body as written.
 */
function liftSeeAlso(tree: Root): DocumentFacts['seeAlso'] {
  const start = tree.children.findIndex(
    (node) => node.type === 'heading' && node.depth === 2 && SEE_ALSO.test(toString(node).trim()),
  );
  if (start === -1) return undefined;
  const heading = tree.children[start] as Heading;
  let end = start + 1;
  while (end < tree.children.length && !endsSection(tree.children[end]!, heading.depth)) end++;
  const section = tree.children.slice(start + 1, end);
  // Hand-written JSON-LD usually ends the file, inside this section: it is build-only, not part of it.
  const own = section.filter((node) => !(node.type === 'html' && isBuildOnly(node.value)));
  const lists = own.filter((node): node is List => node.type === 'list');
  if (lists.length !== 1 || !own.every((node) => node.type === 'list' || isComment(node))) return undefined;
  const items = lists[0]!.children.map(toSeeAlsoItem);
  if (items.length === 0 || items.some((item) => item === undefined)) return undefined;
  for (const node of [heading, ...own]) role(node, 'see-also');
  return {
    ...placeOf(heading),
    id: String(heading.data?.hProperties?.['id'] ?? ''),
    items: items as SeeAlsoItem[],
  };
}

/** `<!-- more -->` and hand-written JSON-LD: HTML only the build reads. */
function isBuildOnly(html: string): boolean {
  const value = html.trim();
  return JSON_LD_OPEN.test(value) || MORE_MARKER.test(value);
}

/** The siblings after `index` that start on `line`, where the node at `index` ends. */
function followingOnLine(siblings: readonly RootContent[], index: number, line: number): RootContent[] {
  const found: RootContent[] = [];
  for (const next of siblings.slice(index + 1)) {
    if (next.position?.start.line !== line) break;
    found.push(next);
  }
  return found;
}

/**
 * A JSON-LD block split as a browser splits it: the script ends at the first `</script`, even
 * inside a JSON string, and whatever follows is HTML (an executable `<script>` too). The check
 * reports such a block; the page never shows any of it.
 */
function jsonLdOf(html: string): Omit<JsonLdFact, keyof Place> | undefined {
  const open = JSON_LD_OPEN.exec(html);
  if (!open) return undefined;
  const rest = html.slice(open[0].length);
  const end = SCRIPT_END.exec(rest);
  const tagLength = open[0].length;
  if (!end) return { text: rest, tagLength, after: '', unclosed: true };
  const closing = rest.indexOf('>', end.index);
  const after = closing === -1 ? '' : rest.slice(closing + 1).trim();
  return { text: rest.slice(0, end.index), tagLength, after, unclosed: false };
}

function endsSection(node: RootContent, depth: number): boolean {
  return node.type === 'heading' && node.depth <= depth;
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** One paragraph holding exactly one link and plain text around it, or undefined. */
function toSeeAlsoItem(item: ListItem): SeeAlsoItem | undefined {
  const [paragraph, ...rest] = item.children;
  if (!paragraph || paragraph.type !== 'paragraph' || rest.length > 0) return undefined;
  const linkIndex = paragraph.children.findIndex((child) => child.type === 'link');
  const link = paragraph.children[linkIndex];
  if (!link || link.type !== 'link') return undefined;
  const others = paragraph.children.filter((_, index) => index !== linkIndex);
  if (!others.every((child) => child.type === 'text')) return undefined;
  return {
    url: link.url,
    text: toString(link),
    before: inlineText(paragraph.children.slice(0, linkIndex)),
    after: inlineText(paragraph.children.slice(linkIndex + 1)),
  };
}

function inlineText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => toString(node))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function role(node: Nodes, kbRole: PageRole, kbCode?: number): void {
  node.data = { ...node.data, kbRole, ...(kbCode === undefined ? {} : { kbCode }) };
}

function placeOf(node: Nodes): Place {
  return { line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 };
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
