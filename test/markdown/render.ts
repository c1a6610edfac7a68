import { DEFAULT_MARKDOWN_EXTENSIONS } from '../../src/markdown/default-extensions.ts';
import type { MarkdownExtensions } from '../../src/markdown/block-extensions.ts';
import { createMarkdownParser } from '../../src/markdown/parse-markdown.ts';
import { createBodyRenderer } from '../../src/markdown/render-body.ts';
import type { DocumentFacts } from '../../src/model/document-facts.ts';
import { siteUrlOfLink } from '../../src/model/links.ts';
import { parseDocument } from '../../src/model/load-document.ts';

/** What the site gets for one Markdown body: the facts the checks read and the page's HTML. */
export interface Rendered {
  html: string;
  /** The opening H1's inner HTML, which the layout shows above the body. */
  heading?: string;
  facts: DocumentFacts;
}

/**
 * Renders Markdown through the site's own pipeline (one parse with the site's extensions, facts,
 * page steps, remark-rehype, raw HTML) as `content/<file>` with the given title, without syntax
 * highlighting so the HTML stays readable. Verification slots are left empty.
 */
export async function render(
  markdown: string,
  options: {
    file?: string;
    title?: string;
    extensions?: MarkdownExtensions;
    features?: string[];
    /** Highlight code with shiki, as pages are (off by default: plain HTML is easier to read). */
    highlight?: boolean;
  } = {},
): Promise<Rendered> {
  const { file = 'topic/article.md', title = 'Article', extensions = DEFAULT_MARKDOWN_EXTENSIONS } = options;
  const tools = {
    parse: createMarkdownParser({ extensions, projectDir: '/kb', features: options.features ?? [] }),
    render: createBodyRenderer({
      rewriteLink: (url, from) => siteUrlOfLink(url, from),
      extensions,
      highlight: options.highlight ?? false,
    }),
  };
  const text = `---\ntitle: ${JSON.stringify(title)}\n---\n${markdown}`;
  const result = await parseDocument(file, text, tools, true);
  if (!result.facts || !result.body) throw new Error(`not rendered: ${JSON.stringify(result.problems)}`);
  const { heading, html } = result.body;
  return { html: html.join('').trim(), facts: result.facts, ...(heading === undefined ? {} : { heading }) };
}
