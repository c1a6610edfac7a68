import type { Data, Node, Parent, RootContent } from 'mdast';

/** A set of tabs (`=== "Tab"`), rendered as pymdownx.tabbed renders it: radio inputs, labels, panels. */
export interface TabbedSet extends Parent {
  type: 'tabbedSet';
  /** pymdownx.tabbed's `alternate_style`: labels and panels grouped apart. */
  alternate: boolean;
  children: RootContent[];
  data?: Data;
}

/** One tab's panel; its label is an `htmlElement` `label` beside it. */
export interface Tab extends Parent {
  type: 'tab';
  /** The label as written between the quotes. */
  title: string;
  /** Checked when the page opens: the first tab of the set, or the last one marked `===+`. */
  selected: boolean;
  children: RootContent[];
  data?: Data;
}

/** An HTML element a Material extension renders (`<div markdown>`, a tab's label, a footnote link), named by `tagName` and rendered from `data`. */
export interface HtmlElement extends Parent {
  type: 'htmlElement';
  tagName: string;
  children: RootContent[];
  data?: Data;
}

/** A definition list (`def_list`): terms and their definitions. */
export interface DefinitionList extends Parent {
  type: 'definitionList';
  children: RootContent[];
  data?: Data;
}

/** A term of a definition list. */
export interface DefinitionTerm extends Parent {
  type: 'definitionTerm';
  children: RootContent[];
  data?: Data;
}

/** A definition: blocks, or phrasing alone when Python-Markdown would not wrap it in a paragraph. */
export interface DefinitionDescription extends Parent {
  type: 'definitionDescription';
  children: RootContent[];
  data?: Data;
}

/** `*[HTML]: Hyper Text Markup Language`, removed once every occurrence is marked up. */
export interface AbbreviationDefinition extends Node {
  type: 'abbreviationDefinition';
  abbreviation: string;
  title: string;
  data?: Data;
}

/** An occurrence of a defined abbreviation, rendered `<abbr title>`. */
export interface Abbreviation extends Parent {
  type: 'abbreviation';
  title: string;
  children: RootContent[];
  data?: Data;
}

/** Where `[TOC]` stood: the page's table of contents once heading ids are known. */
export interface TableOfContents extends Parent {
  type: 'tableOfContents';
  children: RootContent[];
  data?: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    tabbedSet: TabbedSet;
    tab: Tab;
    htmlElement: HtmlElement;
    definitionList: DefinitionList;
    definitionTerm: DefinitionTerm;
    definitionDescription: DefinitionDescription;
    abbreviationDefinition: AbbreviationDefinition;
    abbreviation: Abbreviation;
    tableOfContents: TableOfContents;
  }
  interface BlockContentMap {
    tabbedSet: TabbedSet;
    htmlElement: HtmlElement;
    definitionList: DefinitionList;
    abbreviationDefinition: AbbreviationDefinition;
    tableOfContents: TableOfContents;
  }
  interface PhrasingContentMap {
    htmlElement: HtmlElement;
    abbreviation: Abbreviation;
  }
}
