import type { HTMLElement } from 'node-html-parser';
import { normaliseText } from './text-blocks.ts';

/** Classes the fixture's authors set themselves, with `attr_list`, `md_in_html` or raw HTML. */
const AUTHOR_CLASSES = ['lead', 'grid', 'card', 'topics', 'aside'];

/** Classes an admonition or collapsible block has besides its type. */
const NOT_A_TYPE = new Set(['admonition', 'in-short']);

/**
 * What the Markdown extensions made of a page's content that its text does not show, in
 * document order, the same way for both sites: each admonition's and collapsible block's type
 * (and whether it starts open), task list boxes, abbreviations and their titles, keys, the
 * inline marks (`mark`, `ins`, `del`, `sub`, `sup`), emoji and icons, and the authors' classes.
 */
export function extensionMarkup(content: HTMLElement): string[] {
  const selector = [
    '.admonition',
    'details',
    'input[type=checkbox]',
    'abbr',
    'kbd',
    'mark, ins, del, sub, sup',
    '.twemoji',
    ...AUTHOR_CLASSES.map((name) => `.${name}`),
  ].join(', ');
  return content.querySelectorAll(selector).map((element) => {
    const tag = element.tagName.toLowerCase();
    // Our own classes (`kb-…`) mark what the generator adds; the comparison is of the author's markup.
    const classes = element.classList.value.filter((name) => !name.startsWith('kb-'));
    const text = normaliseText(element.text);
    if (tag === 'details' || classes.includes('admonition')) {
      const type = classes.filter((name) => !NOT_A_TYPE.has(name)).join('.');
      return `${tag}.${type}${element.hasAttribute('open') ? ' open' : ''}`;
    }
    if (tag === 'input') return `task ${element.hasAttribute('checked') ? 'done' : 'open'}`;
    if (tag === 'abbr') return `abbr ${text} = ${element.getAttribute('title')}`;
    if (tag === 'kbd') return `kbd.${classes.join('.')} ${text}`;
    if (classes.includes('twemoji')) return `emoji ${element.getAttribute('title') ?? 'icon'}`;
    const author = AUTHOR_CLASSES.filter((name) => classes.includes(name));
    if (author.length > 0) return `${tag}.${author.join('.')}`;
    return `${tag} ${text}`;
  });
}
