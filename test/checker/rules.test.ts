import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/checks/check-content.ts';
import { RULES, type RuleId } from '../../src/checks/rule-ids.ts';
import { check, FIXTURES, show } from './helpers.ts';

/**
 * `fixtures/rules/<rule-id>/` is a small content folder that breaks exactly that rule.
 * Files named `bad*.md` must each be reported; files named `good*.md` hold the valid
 * counterparts and must not be; the other files set the scene (topic pages, link targets).
 */
const RULE_FIXTURES = path.join(FIXTURES, 'rules');

/**
 * Rules about files that cannot be committed (binary, huge, unreadable, symbolic links, names
 * that differ only in case), about the content folder as a whole, or about input built at test
 * time: bad-input.test.ts and the bad-input corpus (test/bad-input/).
 */
const COVERED_BY_BAD_INPUT: RuleId[] = [
  'file-unreadable',
  'file-not-text',
  'file-empty',
  'file-too-large',
  'content-loop',
  'content-outside',
  'content-empty',
  'case-collision',
  'markdown-too-deep',
];

/** Rules of extensions a default site does not enable: test/markdown/arithmatex.test.ts and superfences.test.ts. */
const COVERED_BY_MARKDOWN_TESTS: RuleId[] = ['math-invalid', 'markdown-unsupported'];

/** The rule of sites that do not trust their authors (`trust: 'contributors'`): trust.test.ts, with its XSS corpus. */
const COVERED_BY_TRUST_TESTS: RuleId[] = ['html-unsafe'];

/** Not implemented yet. */
const NOT_IMPLEMENTED: RuleId[] = ['link-external-broken', 'link-external-unchecked'];

/** The example runner's rules (`example-*`) are reported by runExamples, not by checkContent. */
const isExampleRule = (id: string) => id.startsWith('example-');

/** Settings a rule needs to be broken at all. */
const RULE_OPTIONS: Partial<Record<RuleId, Partial<CheckOptions>>> = {
  'link-to-excluded': { exclude: ['/t/notes/', 'scratch.md'] },
};

const ruleFolders = readdirSync(RULE_FIXTURES).sort();

function checkRule(rule: string) {
  return check(path.join(RULE_FIXTURES, rule), RULE_OPTIONS[rule as RuleId]);
}

async function report(rule: string): Promise<string> {
  return show((await checkRule(rule)).diagnostics);
}

describe('rule fixtures', () => {
  it('exist for every rule of the content checker', () => {
    const expected = (Object.keys(RULES) as RuleId[])
      .filter(
        (id) =>
          !COVERED_BY_BAD_INPUT.includes(id) &&
          !COVERED_BY_MARKDOWN_TESTS.includes(id) &&
          !COVERED_BY_TRUST_TESTS.includes(id) &&
          !NOT_IMPLEMENTED.includes(id) &&
          !isExampleRule(id),
      )
      .sort();
    expect(ruleFolders).toEqual(expected);
  });

  describe.each(ruleFolders)('%s', (rule) => {
    it('reports that rule only, on every bad file and on no good file', async () => {
      const { diagnostics, documents } = await checkRule(rule);
      expect(diagnostics.length).toBeGreaterThan(0);
      expect(new Set(diagnostics.map((d) => d.ruleId))).toEqual(new Set([rule]));
      const reported = new Set(diagnostics.map((d) => d.file));
      const files = documents.map((doc) => doc.file);
      const bad = files.filter((file) => /(^|\/)bad[^/]*\.md$/.test(file));
      const good = files.filter((file) => /(^|\/)good[^/]*\.md$/.test(file));
      expect(good.length, 'a fixture needs a valid counterpart').toBeGreaterThan(0);
      for (const file of bad) expect(reported, file).toContain(file);
      for (const file of good) expect(reported, file).not.toContain(file);
      for (const d of diagnostics) expect(d.severity).toBe(RULES[d.ruleId].severity);
    });
  });
});

describe('each rule reports exactly', () => {
  it('frontmatter-unclosed', async () => {
    expect(await report('frontmatter-unclosed')).toMatchInlineSnapshot(
      `"t/bad.md:1:1  error  the frontmatter opened with \`---\` never closes; add a line with \`---\` after the last field  frontmatter-unclosed"`,
    );
  });

  it('frontmatter-yaml: an unterminated string, a repeated key', async () => {
    expect(await report('frontmatter-yaml')).toMatchInlineSnapshot(`
      "t/bad-key.md:5:1  error  the frontmatter is not valid YAML: Map keys must be unique  frontmatter-yaml
      t/bad-quote.md:2:40  error  the frontmatter is not valid YAML: Missing closing "quote  frontmatter-yaml"
    `);
  });

  it('frontmatter-field: missing, wrong types, not a mapping; the MkDocs forms are valid', async () => {
    expect(await report('frontmatter-field')).toMatchInlineSnapshot(`
      "t/bad-list.md:2:1  error  the frontmatter must be \`field: value\` lines, such as \`title: …\`; found a list  frontmatter-field
      t/bad-types.md:2:8  error  \`title\`: expected the question as text, found \`42\`  frontmatter-field
      t/bad-types.md:4:7  error  \`date\`: expected a date such as \`2025-10-07\`, found \`yesterday\`  frontmatter-field
      t/bad-types.md:5:8  error  \`draft\`: expected \`true\` or \`false\`, found \`yes\`  frontmatter-field
      t/bad-types.md:6:10  error  \`aliases\`: expected a list of old paths, one \`- /old/path/\` line each, found \`/old/path/\`  frontmatter-field"
    `);
  });

  it('description-length: 49 and 161 characters warn, 50 and 160 do not (counted in characters)', async () => {
    expect(await report('description-length')).toMatchInlineSnapshot(`
      "t/bad-long.md:3:14  warning  \`description\` is 161 characters long; search engines show 50–160  description-length
      t/bad-short.md:3:14  warning  \`description\` is 49 characters long; search engines show 50–160  description-length"
    `);
  });

  it('updated-before-date', async () => {
    expect(await report('updated-before-date')).toMatchInlineSnapshot(
      `"t/bad.md:5:10  error  \`updated\` (2025-02-28) is earlier than \`date\` (2025-03-01)  updated-before-date"`,
    );
  });

  it('h1-title-mismatch: different, fixable, Markdown in the title; smart punctuation is the same text', async () => {
    expect(await report('h1-title-mismatch')).toMatchInlineSnapshot(`
      "t/bad-case.md:7:1  warning  the page shows the H1 \`What is an Event Loop\`, and the browser tab and search results the title \`What is an event loop?\`; make them the same if they name one question; \`--fix\` rewrites the H1 to the title  h1-title-mismatch
      t/bad-code.md:7:1  warning  the title holds Markdown, which the browser tab shows as typed; write the title as plain text, \`What does await do?\`, as the H1 reads  h1-title-mismatch
      t/bad.md:7:1  warning  the page shows the H1 \`How do I stop a task?\`, and the browser tab and search results the title \`How do I cancel a task?\`; make them the same if they name one question  h1-title-mismatch"
    `);
  });

  it('date-missing: a question without a date is published as a plain page', async () => {
    expect(await report('date-missing')).toMatchInlineSnapshot(
      `"t/bad.md:1:1  warning  the article has no \`date\`, so it is published as a plain page, not as a question (no FAQ data, not in the feed); add the date it was first published, such as \`2025-10-07\`  date-missing"`,
    );
  });

  it('in-short-missing: none, or not an `info` admonition', async () => {
    expect(await report('in-short-missing')).toMatchInlineSnapshot(`
      "t/bad-note.md:6:1  warning  the article has no short answer, so it is published as a plain page, not as a question; add \`!!! info "In short"\` with the answer indented four spaces  in-short-missing
      t/bad.md:8:1  warning  the article has no short answer, so it is published as a plain page, not as a question; add \`!!! info "In short"\` with the answer indented four spaces  in-short-missing"
    `);
  });

  it('duplicate-title: the later file is reported, naming the first', async () => {
    expect(await report('duplicate-title')).toMatchInlineSnapshot(
      `"t/b.md:2:8  error  the question \`how do I retry a request?\` is also asked in \`t/a.md\`; merge them or reword one  duplicate-title"`,
    );
  });

  it('duplicate-url: index.md and README.md of one folder', async () => {
    expect(await report('duplicate-url')).toMatchInlineSnapshot(
      `"t/index.md:0:0  error  this file and \`t/README.md\` would both publish at \`/t/\`; rename or remove one  duplicate-url"`,
    );
  });

  it('alias-collision: a circular pair, its own URL, an alias shared by two pages', async () => {
    expect(await report('alias-collision')).toMatchInlineSnapshot(`
      "t/circle-a.md:6:5  error  the alias \`/t/circle-b/\` is the URL of \`t/circle-b.md\`; a redirect there would hide that page  alias-collision
      t/circle-b.md:6:5  error  the alias \`/t/circle-a/\` is the URL of \`t/circle-a.md\`; a redirect there would hide that page  alias-collision
      t/self.md:6:5  error  the alias \`t/self\` is this page’s own URL; remove it  alias-collision
      t/shared-2.md:7:5  error  the alias \`old/path.html\` is also an alias of \`t/shared-1.md\`; keep it on one page only  alias-collision"
    `);
  });

  it('alias-invalid: an address, a path that climbs with `..`, a query; each with the path to write', async () => {
    expect(await report('alias-invalid')).toMatchInlineSnapshot(`
      "t/bad-address.md:6:5  error  the alias \`https://old.example/sleep/\` is an address, not a path of this site; write the old path, \`/sleep/\` (a redirect from another site is that site's business)  alias-invalid
      t/bad-climbs.md:6:5  error  the alias \`../outside/\` has \`.\` or \`..\` in it; write the old path from the site's root, such as \`/outside/\`  alias-invalid
      t/bad-query.md:6:5  error  the alias \`/old/page/?id=3\` has a query (\`?\`) or an anchor (\`#\`), which a static site cannot redirect; write the path alone, \`/old/page/\`  alias-invalid"
    `);
  });

  it('link-missing-file: did you mean a file, a file in another folder, an image', async () => {
    expect(await report('link-missing-file')).toMatchInlineSnapshot(`
      "t/bad.md:10:3  error  the link \`goood.md\` points to \`t/goood.md\`, which does not exist; did you mean \`good.md\`?  link-missing-file
      t/bad.md:10:31  error  the link \`completely-different.md\` points to \`t/completely-different.md\`, which does not exist  link-missing-file
      t/bad.md:11:7  error  the link \`../other/answr.md\` points to \`other/answr.md\`, which does not exist; did you mean \`../other/answer.md\`?  link-missing-file
      t/bad.md:13:1  error  the link \`../images/dott.png\` points to \`images/dott.png\`, which does not exist; did you mean \`../images/dot.png\`?  link-missing-file
      t/bad.md:13:45  error  the link \`../images/missing-picture.png\` points to \`images/missing-picture.png\`, which does not exist  link-missing-file
      t/bad.md:15:3  error  the link \`100%.md\` is not a valid URL (a stray \`%\`?)  link-missing-file
      t/bad.md:17:1  error  the link \`nowhere.md\` points to \`t/nowhere.md\`, which does not exist  link-missing-file"
    `);
  });

  it('link-outside-content', async () => {
    expect(await report('link-outside-content')).toMatchInlineSnapshot(`
      "index.md:5:5  error  the link \`../README.md\` leads outside the content folder; link to a page of this site or use a full https:// URL  link-outside-content
      t/bad.md:10:4  error  the link \`../../outside.md\` leads outside the content folder; link to a page of this site or use a full https:// URL  link-outside-content
      t/bad.md:10:36  error  the link \`../../../etc/passwd\` leads outside the content folder; link to a page of this site or use a full https:// URL  link-outside-content"
    `);
  });

  it('link-to-draft: from a published page only', async () => {
    expect(await report('link-to-draft')).toMatchInlineSnapshot(
      `"t/bad.md:10:9  error  the link \`draft.md#details\` points to a draft, which is not published; publish it or remove the link  link-to-draft"`,
    );
  });

  it('link-to-excluded: a file or a folder left out by gitignore patterns, which are not checked themselves', async () => {
    expect(await report('link-to-excluded')).toMatchInlineSnapshot(`
      "t/bad.md:8:26  error  the link \`notes/plan.md\` points to \`t/notes/plan.md\`, which the site leaves out (\`exclude\`, or \`exclude_docs\` in mkdocs.yml); publish it or remove the link  link-to-excluded
      t/bad.md:8:56  error  the link \`scratch.md#ideas\` points to \`t/scratch.md\`, which the site leaves out (\`exclude\`, or \`exclude_docs\` in mkdocs.yml); publish it or remove the link  link-to-excluded"
    `);
  });

  it('link-missing-anchor: did you mean; duplicate headings, inline code, smart punctuation and the title heading are valid', async () => {
    expect(await report('link-missing-anchor')).toMatchInlineSnapshot(`
      "t/bad.md:12:3  error  the link \`good.md#gotcha\` names the anchor \`#gotcha\`, but no heading on \`t/good.md\` has that id; did you mean \`#gotchas\`?  link-missing-anchor
      t/bad.md:13:3  error  the link \`good.md#gotchas_2\` names the anchor \`#gotchas_2\`, but no heading on \`t/good.md\` has that id; did you mean \`#gotchas_1\`?  link-missing-anchor
      t/bad.md:15:3  error  the link \`#detail\` names the anchor \`#detail\`, but no heading on this page has that id; did you mean \`#details\`?  link-missing-anchor
      t/bad.md:16:3  error  the link \`/t/good/#gotchaz\` names the anchor \`#gotchaz\`, but no heading on \`t/good.md\` has that id; did you mean \`#gotchas\`?  link-missing-anchor
      t/bad.md:17:3  error  the link \`good.md#zzz\` names the anchor \`#zzz\`, but no heading on \`t/good.md\` has that id  link-missing-anchor"
    `);
  });

  it('link-missing-page: absolute site links', async () => {
    expect(await report('link-missing-page')).toMatchInlineSnapshot(`
      "t/bad.md:10:3  error  the link \`/t/nowhere/\` matches no page or file of this site  link-missing-page
      t/bad.md:11:3  error  the link \`/t/god/\` matches no page or file of this site; did you mean \`/t/good/\`?  link-missing-page
      t/bad.md:12:3  error  the link \`/t/good.md\` matches no page or file of this site; did you mean \`/t/good/\`?  link-missing-page
      t/bad.md:13:3  error  the link \`/images/none.png\` matches no page or file of this site  link-missing-page"
    `);
  });

  it('link-to-folder', async () => {
    expect(await report('link-to-folder')).toMatchInlineSnapshot(`
      "t/bad.md:10:5  error  the link \`./\` names a folder; link to a Markdown file, such as \`index.md\`  link-to-folder
      t/bad.md:10:22  error  the link \`../other/\` names a folder; link to a Markdown file, such as \`../other/index.md\`  link-to-folder
      t/bad.md:10:55  error  the link \`../images\` names a folder; link to a Markdown file  link-to-folder"
    `);
  });

  it('orphan-page: links from drafts and from the page itself do not count; absolute links do', async () => {
    expect(await report('orphan-page')).toMatchInlineSnapshot(`
      "t/draft-linked.md:0:0  warning  no other published page links to this article; link it from a related article’s "See also" or from its topic page  orphan-page
      t/lonely.md:0:0  warning  no other published page links to this article; link it from a related article’s "See also" or from its topic page  orphan-page
      t/self-linked.md:0:0  warning  no other published page links to this article; link it from a related article’s "See also" or from its topic page  orphan-page"
    `);
  });

  it('jsonld-invalid: the JSON error at its line and column in the Markdown file', async () => {
    expect(await report('jsonld-invalid')).toMatchInlineSnapshot(`
      "t/bad-comma.md:14:1  error  the JSON-LD is not valid JSON: Expected double-quoted property name  jsonld-invalid
      t/bad-inline.md:10:1  error  the JSON-LD is not valid JSON: Unexpected token '}', "{"@context": tru}" is not valid JSON  jsonld-invalid
      t/bad-unquoted.md:13:3  error  the JSON-LD is not valid JSON: Expected double-quoted property name  jsonld-invalid"
    `);
  });

  it('jsonld-not-faq: wrong or missing @context, wrong @type, a list', async () => {
    expect(await report('jsonld-not-faq')).toMatchInlineSnapshot(`
      "t/bad-context.md:10:1  error  the JSON-LD \`@context\` is \`https://example.org/\`; expected \`https://schema.org\`  jsonld-not-faq
      t/bad-list.md:10:1  error  the JSON-LD is a list; expected one FAQPage object, \`{"@context": "https://schema.org", "@type": "FAQPage", …}\`  jsonld-not-faq
      t/bad-no-context.md:10:1  error  the JSON-LD has no \`@context\`; add \`"@context": "https://schema.org"\`  jsonld-not-faq
      t/bad-type.md:10:1  error  the JSON-LD \`@type\` is \`Article\`; only a \`FAQPage\` belongs in an article (the build adds the other types)  jsonld-not-faq"
    `);
  });

  it('jsonld-question-mismatch: curly quotes do not count', async () => {
    expect(await report('jsonld-question-mismatch')).toMatchInlineSnapshot(`
      "t/bad-no-entity.md:10:1  error  the FAQPage has no \`mainEntity\` question; expected one named like the title \`Where is the question?\`  jsonld-question-mismatch
      t/bad.md:10:1  error  the FAQPage question \`What was the question?\` differs from the title \`What is the question?\`  jsonld-question-mismatch"
    `);
  });

  it('jsonld-answer-mismatch: shows both texts; Markdown and spacing do not count', async () => {
    expect(await report('jsonld-answer-mismatch')).toMatchInlineSnapshot(`
      "t/bad-none.md:10:1  warning  the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).
        answer:   (none)
        In short: In the In-short box.  jsonld-answer-mismatch
      t/bad.md:10:1  warning  the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).
        answer:   Say hello.
        In short: Call greet("Ada").  jsonld-answer-mismatch"
    `);
  });

  it('ignore-unknown-rule: did you mean a rule; an old rule name is no unknown rule', async () => {
    expect(await report('ignore-unknown-rule')).toMatchInlineSnapshot(`
      "t/bad.md:10:1  warning  \`orphans\` is not a rule id; did you mean \`orphan-page\`?  ignore-unknown-rule
      t/bad.md:14:1  warning  \`no-such-rule\` is not a rule id; the rules are listed in src/checks/rule-ids.ts  ignore-unknown-rule"
    `);
  });

  it('markdown-syntax-unread: syntax this site does not read, and a marker where nothing reads it', async () => {
    expect(await report('markdown-syntax-unread')).toMatchInlineSnapshot(`
      "t/bad.md:10:1  warning  \`/// details | Unsupported\` looks like a pymdownx.blocks block, which this site does not read; it shows as text  markdown-syntax-unread
      t/bad.md:17:1  warning  \`{: .orphan-attributes }\` is not read as an attribute list here and shows as text; check its indentation and the blank line before it  markdown-syntax-unread"
    `);
  });

  it('html-unclosed: an HTML block that never closes ends at the blank line', async () => {
    expect(await report('html-unclosed')).toMatchInlineSnapshot(
      `"t/bad.md:10:1  warning  \`<div>\` is never closed; MkDocs would show the rest of the page as raw HTML, so close it with \`</div>\`  html-unclosed"`,
    );
  });

  it('snippet-missing and snippet-url: the snippet is left out, at the marker’s line', async () => {
    expect(await report('snippet-missing')).toMatchInlineSnapshot(
      `"t/bad.md:10:1  warning  snippet \`t/includes/no-such-file.md\` is not found in \`.\`  snippet-missing"`,
    );
    expect(await report('snippet-url')).toMatchInlineSnapshot(
      `"t/bad.md:10:1  warning  snippet \`https://example.org/snippet.md\` is a URL; URLs are not downloaded, so the snippet is left out  snippet-url"`,
    );
  });
});
