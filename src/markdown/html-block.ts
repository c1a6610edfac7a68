/** Python-Markdown's block-level elements (`Markdown.block_level_elements`): a raw block starts at one. */
// prettier-ignore
export const BLOCK_LEVEL_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'canvas', 'colgroup', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'group', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'iframe', 'legend', 'li', 'main', 'map', 'math', 'menu', 'nav', 'noscript',
  'object', 'ol', 'option', 'output', 'p', 'pre', 'progress', 'script', 'section', 'style', 'summary',
  'table', 'tbody', 'td', 'textarea', 'tfoot', 'th', 'thead', 'tr', 'ul', 'video',
]);

/** A place in a fragment: its line (from 1) and a character index in that line. */
export interface LineIndex {
  line: number;
  index: number;
}

/** An HTML element that starts a block: its opening tag, and its closing tag if there is one in reach. */
export interface HtmlBlock {
  tagName: string;
  /** The opening tag's attributes as written (with their leading whitespace). */
  attributes: string;
  /** Right after the opening tag's `>`. */
  openEnd: LineIndex;
  /** The closing tag's `<` and the character after its `>`; undefined when the element never closes. */
  close: { start: LineIndex; end: LineIndex } | undefined;
}

const ATTRIBUTES = String.raw`((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?)*)\s*(/?)>`;
const OPENING = new RegExp(String.raw`^<([A-Za-z][A-Za-z0-9-]*)${ATTRIBUTES}`);
const TAG = String.raw`<!--[\s\S]*?-->|<(/?)([A-Za-z][A-Za-z0-9-]*)${ATTRIBUTES}`;
/** Elements whose content is text, never tags. */
const TEXT_CONTENT = new Set(['script', 'style', 'textarea']);

/**
 * Reads the element starting at `start` in `lines` and finds where it closes, no further than
 * `limit` (line and characters of it included), as Python-Markdown's HTML parser does: every
 * start tag opens, an end tag closes the innermost open element of its name and those inside it,
 * and the element ends when nothing is left open, however many blank lines that takes.
 */
export function readHtmlBlock(
  lines: string[],
  start: LineIndex,
  limit: { line: number; column: number },
): HtmlBlock | undefined {
  // The text from the opening tag to the limit, and where each of its lines begins in it.
  const begins: number[] = [];
  let text = '';
  for (let line = start.line; line <= limit.line; line++) {
    const full = lines[line - 1] ?? '';
    begins.push(text.length);
    text += `${full.slice(line === start.line ? start.index : 0, line === limit.line ? limit.column : undefined)}\n`;
  }
  const at = (offset: number): LineIndex => {
    let index = begins.length - 1;
    while (index > 0 && begins[index]! > offset) index--;
    return { line: start.line + index, index: offset - begins[index]! + (index === 0 ? start.index : 0) };
  };
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const tagName = opening[1]!.toLowerCase();
  const openEnd = at(opening[0].length);
  const stack = [tagName];
  const tags = new RegExp(TAG, 'g');
  tags.lastIndex = opening[0].length;
  if (TEXT_CONTENT.has(tagName)) skipText(tagName);
  for (let match = tags.exec(text); match; match = tags.exec(text)) {
    const name = match[2]?.toLowerCase();
    if (!name || match[4] === '/') continue; // a comment, or a self-closing tag
    if (match[1] !== '/') {
      stack.push(name);
      if (TEXT_CONTENT.has(name)) skipText(name);
      continue;
    }
    const open = stack.lastIndexOf(name);
    if (open === -1) continue;
    stack.length = open;
    if (stack.length === 0) {
      return {
        tagName,
        attributes: opening[2] ?? '',
        openEnd,
        close: { start: at(match.index), end: at(match.index + match[0].length) },
      };
    }
  }
  return { tagName, attributes: opening[2] ?? '', openEnd, close: undefined };

  function skipText(name: string): void {
    const end = text.toLowerCase().indexOf(`</${name}`, tags.lastIndex);
    if (end !== -1) tags.lastIndex = end;
  }
}
