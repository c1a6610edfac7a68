/**
 * The rule ids the Markdown plugins give their messages (`file.message(…, { ruleId })`): the
 * checker reports each as a finding at its place, under this id.
 */
export const MARKDOWN_RULES = [
  'markdown-syntax-unread',
  'markdown-unsupported',
  'math-invalid',
  'html-unclosed',
  'snippet-missing',
  'snippet-url',
  'markdown-too-deep',
] as const;

/** A rule id of a Markdown plugin's message. */
export type MarkdownRuleId = (typeof MARKDOWN_RULES)[number];

/** True when a message's rule id is one the plugins are known to use. */
export function isMarkdownRuleId(value: string | undefined): value is MarkdownRuleId {
  return (MARKDOWN_RULES as readonly (string | undefined)[]).includes(value);
}
