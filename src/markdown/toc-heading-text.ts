import type { Heading, Link, Nodes } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import { pythonStrip } from './python-text.ts';

/** What the heading text depends on beyond the heading itself. */
export interface HeadingTextContext {
  /**
   * The Markdown the tree was parsed from. With it, character references are dropped as
   * Python-Markdown drops them (`caf&eacute;` gives `caf`), instead of read as characters.
   */
  source?: string | undefined;
  /** Footnote identifiers in the order they are defined: a reference reads as its number. */
  footnotes?: readonly string[] | undefined;
}

// Python-Markdown's backslash escapes (`Markdown.ESCAPED_CHARS`); others keep the backslash.
const ESCAPABLE = new Set('\\`*_{}[]()>#+-.!');
const ESCAPE = /\\(.)/gsu;
// Python-Markdown's `HTML_RE` and `ENTITY_RE` (inline patterns), and what `toc` strips from stashed HTML.
const INLINE_HTML = /<(?:\/?[a-zA-Z][^<>@ ]*(?: [^<>]*)?|!--(?:(?!<!--|-->).)*--)>/gu;
const WHOLE_HTML = new RegExp(`^${INLINE_HTML.source}$`, 'u');
const ENTITY = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);/gu;
const TAG = /<[^>]+>/gu;
const STASHED_ENTITY = /&[#a-zA-Z0-9]+;/gu;
const PLACEHOLDER = /\u0002(\d+)\u0003/gu;
// Python-Markdown's `AUTOLINK_RE` and `AUTOMAIL_RE`, over the whole `<…>`.
const AUTOLINK = /^<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?:\/\/[^<>]*)>$/u;
const AUTOMAIL = /^<([^<> !]+@[^@<> ]+)>$/u;
const TAB_LENGTH = 4;
const MAIL_ENTITIES: Readonly<Record<string, string>> = { '"': 'quot', '&': 'amp', '<': 'lt', '>': 'gt' };

/**
 * The text Python-Markdown's `toc` slugifies for a heading: the element's text after inline
 * processing, with inline HTML tags and character references removed, code as written
 * (trimmed), image alt text left out, and a footnote reference read as its number.
 */
export function tocHeadingText(heading: Heading, context: HeadingTextContext = {}): string {
  return pythonStrip(heading.children.map((child) => inlineText(child, context)).join(''));
}

function inlineText(node: Nodes, context: HeadingTextContext): string {
  switch (node.type) {
    case 'text':
      return pythonInline(rawText(node, context.source) ?? node.value);
    case 'inlineCode':
      return pythonStrip(codeAsWritten(node, context.source) ?? node.value);
    case 'html':
      return stashedHtmlText(node.value);
    case 'image':
    case 'imageReference':
    case 'break':
      return '';
    case 'footnoteReference': {
      const index = context.footnotes?.indexOf(node.identifier) ?? -1;
      return index >= 0 ? String(index + 1) : (node.label ?? node.identifier);
    }
    case 'link':
      return autolinkText(node, context.source) ?? childrenText(node, context);
    default:
      if ('children' in node) return childrenText(node, context);
      return 'value' in node && typeof node.value === 'string' ? node.value : '';
  }
}

function childrenText(node: Extract<Nodes, { children: unknown }>, context: HeadingTextContext): string {
  return node.children.map((child: Nodes) => inlineText(child, context)).join('');
}

/**
 * The text node as written, when the source is known and the node still holds what was
 * written there (a plugin that rewrote it, such as smart punctuation, gets its value used).
 */
function rawText(node: Extract<Nodes, { type: 'text' }>, source: string | undefined): string | undefined {
  const slice = sourceOf(node, source);
  return slice !== undefined && decodeString(slice) === node.value
    ? expandTabs(node, slice, source!)
    : undefined;
}

/** A code span's text with its tabs expanded as Python-Markdown expands them, when it holds any. */
function codeAsWritten(
  node: Extract<Nodes, { type: 'inlineCode' }>,
  source: string | undefined,
): string | undefined {
  const slice = node.value.includes('\t') ? sourceOf(node, source) : undefined;
  return slice === undefined ? undefined : expandTabs(node, slice, source!).replace(/^`+|`+$/g, '');
}

/**
 * Python-Markdown expands tabs to spaces (`tab_length` 4) before it parses anything, so a
 * tab is as many spaces as reach the next multiple of four, counted from the line's start.
 */
function expandTabs(node: Nodes, slice: string, source: string): string {
  if (!slice.includes('\t')) return slice;
  const offset = node.position!.start.offset!;
  const lineStart = Math.max(source.lastIndexOf('\n', offset - 1), source.lastIndexOf('\r', offset - 1)) + 1;
  let column = 0;
  const advance = (char: string) => {
    const width = char === '\t' ? TAB_LENGTH - (column % TAB_LENGTH) : 1;
    column = char === '\n' || char === '\r' ? 0 : column + width;
    return char === '\t' ? ' '.repeat(width) : char;
  };
  for (const char of source.slice(lineStart, offset)) advance(char);
  let expanded = '';
  for (const char of slice) expanded += advance(char);
  return expanded;
}

/**
 * Inline text as Python-Markdown leaves it for `toc`: escapes become placeholders first, so
 * an escaped `<` starts no tag; tags and character references go to the HTML stash and come
 * back without their tags and references; then the escaped characters return.
 */
function pythonInline(text: string): string {
  return text
    .replace(ESCAPE, (escape, char: string) =>
      ESCAPABLE.has(char) ? `\u0002${char.codePointAt(0)}\u0003` : escape,
    )
    .replace(INLINE_HTML, stashedHtmlText)
    .replace(ENTITY, '')
    .replace(PLACEHOLDER, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** `stashedHTML2text`: raw HTML reduced to its text, without tags and without character references. */
function stashedHtmlText(html: string): string {
  return html.replace(TAG, '').replace(STASHED_ENTITY, '');
}

/**
 * Python-Markdown's own autolinks: `<https://…>` reads as its address with references
 * decoded; `<name@host>` as the obfuscated address (`&#102;…`, which slugs to `amp102…`);
 * any other `<scheme:…>` is an HTML tag to Python-Markdown, so it reads as nothing.
 */
function autolinkText(node: Link, source: string | undefined): string | undefined {
  const slice = sourceOf(node, source);
  if (slice === undefined || !slice.startsWith('<')) return undefined;
  const url = AUTOLINK.exec(slice);
  if (url) return decodeString(url[1]!);
  const mail = AUTOMAIL.exec(slice);
  if (mail) {
    const address = mail[1]!.startsWith('mailto:') ? mail[1]!.slice('mailto:'.length) : mail[1]!;
    return [...address]
      .map((char) => `\u0002amp\u0003${MAIL_ENTITIES[char] ?? `#${char.codePointAt(0)}`};`)
      .join('');
  }
  return WHOLE_HTML.test(slice) ? '' : pythonInline(slice);
}

function sourceOf(node: Nodes, source: string | undefined): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return source === undefined || start === undefined || end === undefined
    ? undefined
    : source.slice(start, end);
}
