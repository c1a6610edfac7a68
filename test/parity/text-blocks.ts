import { NodeType, parse, type HTMLElement, type Node } from 'node-html-parser';

/** How one side's page is read: what is chrome, and what stands for text written another way. */
export interface PageReading {
  /** The element that holds the page's content. */
  content: string;
  /** Elements that are the site's own chrome, not the page's content: removed with what they hold. */
  chrome: readonly string[];
  /** Elements whose text is compared as another text (math as its TeX source). */
  replace?: readonly { selector: string; text: (element: HTMLElement) => string }[];
  /** Any other change to the content before its text is read (the element is a copy). */
  prepare?: (content: HTMLElement) => void;
}

/**
 * Elements that end a block of text: a paragraph, a heading, a list item, a table cell, a
 * code block, a caption, a tab label. Text between them is one block.
 */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'label',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Never visible as text. */
const INVISIBLE = ['script', 'style', 'template', 'noscript'];

/**
 * Whitespace and quotes as a reader sees them: runs of white space (line breaks in the HTML,
 * indentation of code lines, no-break spaces) are one space, and typographic quotes are the
 * typewriter ones (whether an apostrophe curls is the typography's business, not the content's).
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A copy of a page's content as `reading` reads it: without chrome and invisible elements,
 * with the replacements made. Undefined when the page has no such content element.
 */
export function readContent(page: HTMLElement, reading: PageReading): HTMLElement | undefined {
  const content = page.querySelector(reading.content);
  if (!content) return undefined;
  const copy = parse(content.outerHTML, { blockTextElements: { script: true, style: true } });
  for (const selector of [...INVISIBLE, ...reading.chrome])
    for (const element of copy.querySelectorAll(selector)) element.remove();
  // The element stays (a block stays a block), its content becomes the text it stands for.
  for (const { selector, text } of reading.replace ?? [])
    for (const element of copy.querySelectorAll(selector)) element.set_content(escapeHtml(text(element)));
  reading.prepare?.(copy);
  return copy;
}

/**
 * The visible text of content read by {@link readContent}, as blocks in document order,
 * normalised: each paragraph, heading, list item, cell, code block or caption is one string.
 */
export function textBlocks(copy: HTMLElement): string[] {
  const blocks: string[] = [];
  let inline: string[] = [];
  const flush = () => {
    const text = normaliseText(inline.join(''));
    if (text) blocks.push(text);
    inline = [];
  };
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === NodeType.TEXT_NODE) inline.push(child.text);
      else if (child.nodeType === NodeType.ELEMENT_NODE) {
        const tag = (child as HTMLElement).tagName.toLowerCase();
        if (tag === 'br') inline.push(' ');
        else if (BLOCK_TAGS.has(tag)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(copy);
  flush();
  return blocks;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
