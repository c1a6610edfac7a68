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
