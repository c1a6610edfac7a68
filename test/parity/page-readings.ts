import type { HTMLElement } from 'node-html-parser';
import { normaliseText, type PageReading } from './text-blocks.ts';

/** Math as both sides are compared: its TeX source, white space normalised, in MathJax's delimiters. */
export function mathText(tex: string, display: boolean): string {
  const source = normaliseText(tex);
  return display ? `\\[${source}\\]` : `\\(${source}\\)`;
}

/**
 * MkDocs with Material: the content is `article.md-content__inner`. Its chrome: the "Edit this
 * page" button and the `¶` permalink after each heading (Material draws both for every page).
 */
export const MKDOCS_READING: PageReading = {
  content: 'article.md-content__inner',
  chrome: ['a.md-content__button', 'a.headerlink', '.linenos'],
  replace: [
    {
      // pymdownx.arithmatex (`generic`) leaves the TeX for MathJax to draw in the browser:
      // `\(…\)` inline, `\[…\]` for a block.
      selector: '.arithmatex',
      text: (element) => {
        const text = element.text.trim();
        const display = text.startsWith('\\[');
        return mathText(text.slice(2, -2), display);
      },
    },
  ],
  prepare: (content) => {
    // `**Output:**` before an example's output block: our page shows the block as the example's
    // output, labelled by the block itself (whose label is our chrome, below), not by this line.
    for (const paragraph of content.querySelectorAll('p')) {
      const next = paragraph.nextElementSibling;
      // Pygments' `div.highlight`, or a bare `pre` without pymdownx.highlight.
      const codeBlock = next?.classList.contains('highlight') || next?.tagName === 'PRE';
      if (/^Output:?$/.test(normaliseText(paragraph.text)) && codeBlock) paragraph.remove();
    }
  },
};

/**
 * Our page: the content is `main`. Our chrome, each left out of the comparison:
 * - breadcrumbs, previous/next links, "Linked from" (backlinks) and the article's dates and tags:
 *   navigation and metadata that MkDocs draws outside the article or not at all;
 * - the table of contents beside the article (MkDocs draws its own outside the article too; a
 *   `[TOC]` in the Markdown is content and is compared);
 * - the copy button of each code block (Material adds its own with JavaScript) and the line under
 *   each example that says whether this build ran it (MkDocs runs nothing);
 * - the label of an output block (MkDocs shows the author's `**Output:**` line instead, left out
 *   on its side);
 * - the "Edit this page" link (left out on MkDocs' side too);
 * - on topic pages and the home page, the lists of questions and topics the site generates
 *   (MkDocs shows the `index.md` alone; a site that wants such lists writes them).
 */
export const OUR_READING: PageReading = {
  content: 'main',
  chrome: [
    'nav.kb-breadcrumbs',
    'nav.kb-prev-next',
    '.kb-linked-from',
    '.kb-article-meta',
    'nav.kb-toc',
    'button.kb-copy-button',
    'p.kb-verification',
    'figure.kb-code-output > figcaption',
    '.kb-edit-link',
    'section.kb-topic-listing',
    'nav.kb-contents',
    'section[aria-labelledby="kb-topics-heading"]',
    'section[aria-labelledby="kb-recent-heading"]',
  ],
  replace: [
    // KaTeX draws math at build time; the TeX it drew from is in its MathML annotation.
    { selector: '.katex-display', text: (element) => mathText(annotation(element), true) },
    { selector: '.katex', text: (element) => mathText(annotation(element), false) },
  ],
};

function annotation(element: HTMLElement): string {
  return element.querySelector('annotation[encoding="application/x-tex"]')?.text ?? '';
}
