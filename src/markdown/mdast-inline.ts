import type { Data, Literal, Parent, PhrasingContent } from 'mdast';

/** `==text==` (pymdownx.mark), rendered as `<mark>`. */
export interface Mark extends Parent {
  type: 'mark';
  children: PhrasingContent[];
  data?: Data;
}

/** `^^text^^` (pymdownx.caret), rendered as `<ins>`. */
export interface Insert extends Parent {
  type: 'insert';
  children: PhrasingContent[];
  data?: Data;
}

/** `^text^` (pymdownx.caret), rendered as `<sup>`. */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
  data?: Data;
}

/** `~text~` (pymdownx.tilde), rendered as `<sub>`. */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
  data?: Data;
}

/** `++ctrl+alt+del++` (pymdownx.keys); `value` is the source between the `++`. */
export interface Keys extends Literal {
  type: 'keys';
  data?: Data;
}

/** `:smile:` or `:material-check:` (pymdownx.emoji); `value` is the shortcode with its colons. */
export interface Emoji extends Literal {
  type: 'emoji';
  data?: Data;
}

/** `$…$` or `\(…\)` (pymdownx.arithmatex); `value` is the TeX between the delimiters. */
export interface InlineMath extends Literal {
  type: 'inlineMath';
  data?: Data;
}

/** A `$$…$$`, `\[…\]` or `\begin{env}…\end{env}` block (pymdownx.arithmatex); `value` is the TeX. */
export interface Math extends Literal {
  type: 'math';
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    mark: Mark;
    insert: Insert;
    superscript: Superscript;
    subscript: Subscript;
    keys: Keys;
    emoji: Emoji;
    inlineMath: InlineMath;
  }
  interface RootContentMap {
    mark: Mark;
    insert: Insert;
    superscript: Superscript;
    subscript: Subscript;
    keys: Keys;
    emoji: Emoji;
    inlineMath: InlineMath;
    math: Math;
  }
  interface BlockContentMap {
    math: Math;
  }
}
