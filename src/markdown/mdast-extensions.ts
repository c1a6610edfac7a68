import type { Properties } from 'hast';
import type { Data, Parent } from 'mdast';

/** An MkDocs admonition (`!!! note "Title"`, `??? note`), rendered as `div.admonition` or `details`. */
export interface Admonition extends Parent {
  type: 'admonition';
  /** The admonition type word: `note`, `info`, `warning`, … */
  kind: string;
  title: string;
  /** `closed` for `???`, `open` for `???+`, undefined for `!!!`. */
  collapsible: 'open' | 'closed' | undefined;
  /** True for the article's short answer (`!!! info "In short"`). */
  inShort: boolean;
  children: Parent['children'];
  data?: Data;
}

/** A wrapper around a code block: an example, or the output block that belongs to one. */
export interface CodeFigure extends Parent {
  type: 'codeFigure';
  role: 'example' | 'output';
  children: Parent['children'];
  data?: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    admonition: Admonition;
    codeFigure: CodeFigure;
  }
  interface BlockContentMap {
    admonition: Admonition;
    codeFigure: CodeFigure;
  }
}

/**
 * What the document model decided a node is, recorded on the node where the facts are derived,
 * so that the page renderer acts on the same decision instead of making its own:
 * - `title-heading`: the H1 that repeats the title (the layout shows the title with its id);
 * - `build-only`: `<!-- more -->` and hand-written JSON-LD, which only the build reads;
 * - `see-also`: the "See also" section, shown by the layout from the facts;
 * - `example` / `output`: a code block and the output block that belongs to it;
 * - `output-label`: the `Output:` paragraph between them, which the output figure replaces.
 */
export type PageRole = 'title-heading' | 'build-only' | 'see-also' | 'example' | 'output' | 'output-label';

declare module 'mdast' {
  interface Data {
    /** Set by the document model; see {@link PageRole}. */
    kbRole?: PageRole;
    /** On `example` and `output` code: the example's index among the document's code blocks. */
    kbCode?: number;
    /**
     * The attributes the author wrote on this node (`{: … }` of `attr_list`, the tag of
     * `md_in_html`), among its `hProperties`: what a site that does not trust its authors checks.
     */
    kbAttributes?: Properties;
    /** An element the author wrote as HTML (`md_in_html`): its page goes through rehype-raw. */
    kbFromHtml?: true;
  }
}
