import type { MarkdownRuleId } from '../markdown/markdown-rules.ts';

/** What can be wrong with a content file as it is read: each kind is one rule of the checker. */
export type LoadProblemKind =
  | MarkdownRuleId
  | 'file-unreadable'
  | 'file-not-text'
  | 'file-too-large'
  | 'file-empty'
  | 'frontmatter-unclosed'
  | 'frontmatter-yaml'
  | 'frontmatter-field';

/** A problem found while loading a file, as a sentence for the author and where it is. */
export interface LoadProblem {
  kind: LoadProblemKind;
  line: number;
  column: number;
  message: string;
  /** Set when this occurrence is an error whatever the rule's default (a missing snippet with `check_paths`). */
  error?: true;
}
