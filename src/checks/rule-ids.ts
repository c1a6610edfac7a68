/** How bad a finding is: errors fail the build, warnings do not (unless `--max-warnings`), and an `info` note (a suggestion) never does. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Every rule the checker knows, with its default severity and what it catches.
 * Ids are stable: settings and `<!-- kb-ignore rule-id -->` comments refer to them.
 */
export const RULES = {
  'file-unreadable': { severity: 'error', summary: 'a content file cannot be read' },
  'file-not-text': { severity: 'error', summary: 'a `.md` file is not UTF-8 text' },
  'file-empty': { severity: 'error', summary: 'a `.md` file is empty' },
  'file-too-large': { severity: 'error', summary: 'a `.md` file is over the size limit' },
  'content-loop': { severity: 'error', summary: 'a symbolic link loops back into the content folder' },
  'content-outside': {
    severity: 'error',
    summary: 'a symbolic link leads outside the content folder, whose files would be published',
  },
  'content-empty': { severity: 'warning', summary: 'the content folder holds no Markdown file' },
  'case-collision': {
    severity: 'warning',
    summary: 'two files or folders whose names differ only in case, which collide on most hosts',
  },
  'frontmatter-unclosed': { severity: 'error', summary: 'the frontmatter never closes with `---`' },
  'frontmatter-yaml': { severity: 'error', summary: 'the frontmatter is not valid YAML' },
  'frontmatter-field': { severity: 'error', summary: 'a frontmatter field is missing or has the wrong type' },
  'description-length': { severity: 'warning', summary: 'the description is outside 50–160 characters' },
  'updated-before-date': { severity: 'error', summary: '`updated` is earlier than `date`' },
  'h1-title-mismatch': {
    severity: 'warning',
    summary:
      'the H1 (shown on the page) differs from the frontmatter title (in the browser tab and search results)',
  },
  'in-short-missing': {
    severity: 'warning',
    summary: 'an article has no `!!! info "In short"` answer, so it is published as a plain page',
  },
  'date-missing': {
    severity: 'warning',
    summary: 'an article has no `date`, so it is published as a plain page, not as a question',
  },
  'duplicate-title': { severity: 'error', summary: 'two articles ask the same question' },
  'duplicate-url': { severity: 'error', summary: 'two files publish at the same URL' },
  'alias-collision': { severity: 'error', summary: 'an alias is the URL of a real page or another alias' },
  'alias-invalid': {
    severity: 'error',
    summary: 'an alias is not a path of this site (a scheme, `..`, `?` or `#`)',
  },
  'link-missing-file': { severity: 'error', summary: 'a relative link names a file that does not exist' },
  'link-outside-content': { severity: 'error', summary: 'a relative link leaves the content folder' },
  'link-to-draft': { severity: 'error', summary: 'a published page links to a draft' },
  'link-to-excluded': {
    severity: 'error',
    summary: 'a page links to a file the site leaves out (`exclude_docs`)',
  },
  'link-missing-anchor': { severity: 'error', summary: 'a `#anchor` matches no heading on the target page' },
  'link-missing-page': { severity: 'error', summary: 'an absolute site link matches no page' },
  'link-to-folder': { severity: 'error', summary: 'a relative link names a folder instead of a file' },
  'link-external-broken': {
    severity: 'error',
    summary: 'an external link answers with an error (`--external`)',
  },
  'link-external-unchecked': { severity: 'warning', summary: 'an external link could not be checked' },
  'orphan-page': { severity: 'warning', summary: 'a published article that no page links to' },
  'jsonld-invalid': { severity: 'error', summary: 'embedded JSON-LD is not valid JSON' },
  'jsonld-not-faq': { severity: 'error', summary: 'embedded JSON-LD is not a schema.org FAQPage' },
  'jsonld-question-mismatch': { severity: 'error', summary: 'the FAQPage question differs from the title' },
  'jsonld-answer-mismatch': {
    severity: 'warning',
    summary: 'the FAQPage answer differs from the In-short text',
  },
  'example-failed': {
    severity: 'error',
    summary: 'an example exits with an error (or, marked `throws`, without one)',
  },
  'example-output-mismatch': {
    severity: 'error',
    summary: 'an example prints something other than its output block',
  },
  'example-timeout': { severity: 'error', summary: 'an example runs past its time limit' },
  'example-output-limit': { severity: 'error', summary: 'an example prints more than the output limit' },
  'example-type-error': { severity: 'error', summary: 'a TypeScript example does not type-check' },
  'example-unknown-meta': { severity: 'warning', summary: 'a fence meta word the runner does not know' },
  'example-runtime-missing': { severity: 'error', summary: 'the runtime of an example is not installed' },
  'markdown-syntax-unread': {
    severity: 'warning',
    summary: 'Material syntax left as text: its extension is not enabled, or not supported',
  },
  'markdown-unsupported': {
    severity: 'warning',
    summary: 'a Markdown option this site cannot render (a custom fence format), shown as code',
  },
  'math-invalid': { severity: 'warning', summary: 'TeX that KaTeX cannot typeset, shown as its source' },
  'html-unclosed': { severity: 'warning', summary: 'an HTML block that never closes its tag' },
  'html-unsafe': {
    severity: 'error',
    summary:
      "with `trust: 'contributors'`: raw HTML, an attribute list or a link that could run script, embed, restyle or point to a `javascript:` address",
  },
  'markdown-too-deep': {
    severity: 'error',
    summary: 'block quotes, lists or HTML nested more than 50 levels deep; the rest of the file is not read',
  },
  'snippet-missing': { severity: 'warning', summary: 'a `--8<--` snippet file that cannot be found' },
  'snippet-url': {
    severity: 'warning',
    summary: 'a `--8<--` snippet that is a URL, which is never downloaded',
  },
  'example-missing-module': {
    severity: 'error',
    summary: 'an example imports a module that is not installed for its runtime',
  },
  'example-needs-network': {
    severity: 'error',
    summary: 'an example needs the network, which examples do not have',
  },
  'example-output-unstable': {
    severity: 'warning',
    summary: 'an example prints something different on each run, where its output block shows one run',
  },
  'example-fragment': {
    severity: 'info',
    summary: 'an example uses what an earlier block defines, and passes when run after it (`continue`)',
  },
  'ignore-unknown-rule': {
    severity: 'warning',
    summary: 'an ignore comment names a rule that does not exist',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** The id of a rule. */
export type RuleId = keyof typeof RULES;

/** True when `value` names a rule. */
export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULES, value);
}

/** Old rule names still accepted in settings and ignore comments, with the rule each now is. */
export const RULE_ALIASES = {
  orphan: 'orphan-page',
} as const satisfies Record<string, RuleId>;

/** The rule `name` means, old names included; `undefined` when it names none. */
export function ruleIdOf(name: string): RuleId | undefined {
  if (isRuleId(name)) return name;
  return Object.hasOwn(RULE_ALIASES, name) ? RULE_ALIASES[name as keyof typeof RULE_ALIASES] : undefined;
}
