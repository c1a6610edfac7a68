import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTOR_HTML_SCHEMA } from '../../src/checks/contributor-html-schema.ts';
import { EXIT, runCheckCommand } from '../../src/cli/check-command.ts';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../../src/markdown/default-extensions.ts';
import { resolveSettings, SettingsError } from '../../src/settings/settings.ts';
import { render } from '../markdown/render.ts';
import { check, FIXTURES, show } from './helpers.ts';

const TRUST = path.join(FIXTURES, 'trust');

/** The Markdown files of a folder of `fixtures/trust/`, by name, without frontmatter. */
async function bodies(folder: string): Promise<[string, string][]> {
  const dir = path.join(TRUST, folder);
  const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    names.map(
      async (name) =>
        [name, (await readFile(path.join(dir, name), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '')] as [
          string,
          string,
        ],
    ),
  );
}

/** The `html-unsafe` and `jsonld-*` diagnostics of a folder of `fixtures/trust/`, checked with a trust level. */
async function findings(folder: string, trust?: 'authors' | 'contributors'): Promise<string> {
  const { diagnostics } = await check(path.join(TRUST, folder), trust ? { trust } : {});
  return show(diagnostics.filter((d) => d.ruleId === 'html-unsafe' || d.ruleId.startsWith('jsonld-')));
}

/** Whether the page holds anything the contributor schema would remove: what the check is about. */
function holdsWhatContributorsMayNotWrite(html: string): boolean {
  const tree = fromHtml(html, { fragment: true });
  return toHtml(sanitize(tree, { ...CONTRIBUTOR_HTML_SCHEMA, allowComments: true })) !== toHtml(tree);
}

/**
 * What would run in a reader's browser, found without the sanitizer: scripts, event handlers,
 * and addresses with a scheme that runs code or a document.
 */
function whatRuns(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'element') {
      const element = node as Element;
      if (['script', 'iframe', 'object', 'embed'].includes(element.tagName))
        found.push(`<${element.tagName}>`);
      for (const [name, value] of Object.entries(element.properties)) {
        if (/^on/.test(name)) found.push(`${name}=${String(value)}`);
        if (/^\s*(javascript|vbscript|data):/i.test(String(value))) found.push(`${name}=${String(value)}`);
      }
      if (element.content) visit(element.content);
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

describe("the trust model: `trust: 'contributors'`", () => {
  it('reports every vector of the XSS corpus, at its place, saying what it found', async () => {
    const shown = await findings('xss', 'contributors');
    for (const [name] of await bodies('xss'))
      expect(shown, `nothing reported in ${name}`).toContain(`${name}:`);
    expect(shown).toMatchInlineSnapshot(`
      "a-javascript.md:1:9  error  the address \`href="javascript:alert(1)"\` on \`<a>\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      attr-list-href.md:1:1  error  the event handler \`onmouseover="alert(1)"\` in an attribute list \`{: … }\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      attr-list-href.md:4:1  error  the address \`href="javascript:alert(1)"\` in an attribute list \`{: … }\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      attr-list-onclick.md:1:1  error  the event handler \`onclick="alert(1)"\` in an attribute list \`{: … }\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      base-meta.md:1:1  error  the raw HTML element \`<base>\` is not allowed in contributed content (\`trust: 'contributors'\`): it redirects the page or changes where its links go; remove it  html-unsafe
      base-meta.md:3:1  error  the raw HTML element \`<meta>\` is not allowed in contributed content (\`trust: 'contributors'\`): it redirects the page or changes where its links go; remove it  html-unsafe
      comment-breakout.md:1:29  error  the event handler \`onerror="alert(1)"\` on \`<img>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      custom-element.md:1:3  error  the raw HTML element \`<x-widget>\` is not allowed in contributed content (\`trust: 'contributors'\`): it is not among the elements contributed content may use; remove it  html-unsafe
      details-ontoggle.md:1:15  error  the event handler \`ontoggle="alert(1)"\` on \`<details>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      form.md:1:1  error  the raw HTML element \`<form>\` is not allowed in contributed content (\`trust: 'contributors'\`): a form can send what a reader types anywhere; remove it  html-unsafe
      iframe-srcdoc.md:1:1  error  the raw HTML element \`<iframe>\` is not allowed in contributed content (\`trust: 'contributors'\`): it embeds another page or a plugin; remove it  html-unsafe
      img-onerror.md:1:24  error  the event handler \`onerror="alert(1)"\` on \`<img>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      inline-json-ld.md:1:17  error  the raw HTML element \`<script>\` is not allowed in contributed content (\`trust: 'contributors'\`): it runs code in the reader’s browser; remove it  html-unsafe
      javascript-entities.md:1:9  error  the address \`href="javascript:alert(1)"\` on \`<a>\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      javascript-entities.md:1:54  error  the address \`href="javascript:alert(1)"\` on \`<a>\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      javascript-entities.md:1:101  error  the address \`href="javascript:alert(1)"\` on \`<a>\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      javascript-mixed-case.md:1:9  error  the address \`href="JaVaScRiPt:alert(1)"\` on \`<a>\` uses the scheme \`JaVaScRiPt:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      javascript-mixed-case.md:1:51  error  the address \`href=" javascript:alert(1)"\` on \`<a>\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      javascript-tab.md:1:9  error  the address \`href="java\\tscript:alert(1)"\` on \`<a>\` uses the scheme \`java\\tscript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      math-xlink.md:1:1  error  the raw HTML element \`<math>\` is not allowed in contributed content (\`trust: 'contributors'\`): SVG and MathML carry links and script of their own; remove it  html-unsafe
      math-xlink.md:1:7  error  the raw HTML element \`<mi>\` is not allowed in contributed content (\`trust: 'contributors'\`): it is not among the elements contributed content may use; remove it  html-unsafe
      md-autolink.md:1:1  error  the link \`javascript:alert(1)\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      md-definition.md:3:1  error  the link definition \`javascript:alert(1)\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      md-image-data.md:1:1  error  the image \`data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\` uses the scheme \`data:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\` or relative address (an image in the content folder, rather than \`data:\`)  html-unsafe
      md-image-javascript.md:1:1  error  the image \`javascript:alert(1)\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\` or relative address (an image in the content folder, rather than \`data:\`)  html-unsafe
      md-in-html-iframe.md:1:1  error  the raw HTML element \`<iframe>\` is not allowed in contributed content (\`trust: 'contributors'\`): it embeds another page or a plugin; remove it  html-unsafe
      md-in-html.md:1:1  error  the event handler \`onmouseover="alert(1)"\` on \`<div>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      md-link-javascript.md:1:1  error  the link \`javascript:alert(1)\` uses the scheme \`javascript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      md-link-vbscript-data.md:1:1  error  the link \`vbscript:msgbox(1)\` uses the scheme \`vbscript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      md-link-vbscript-data.md:1:32  error  the link \`data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\` uses the scheme \`data:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      noscript.md:1:1  error  the raw HTML element \`<noscript>\` is not allowed in contributed content (\`trust: 'contributors'\`): it is not among the elements contributed content may use; remove it  html-unsafe
      object-embed.md:1:1  error  the raw HTML element \`<object>\` is not allowed in contributed content (\`trust: 'contributors'\`): it embeds another page or a plugin; remove it  html-unsafe
      object-embed.md:3:1  error  the raw HTML element \`<embed>\` is not allowed in contributed content (\`trust: 'contributors'\`): it embeds another page or a plugin; remove it  html-unsafe
      script-src.md:1:1  error  the raw HTML element \`<script>\` is not allowed in contributed content (\`trust: 'contributors'\`): it runs code in the reader’s browser; remove it  html-unsafe
      script.md:1:1  error  the raw HTML element \`<script>\` is not allowed in contributed content (\`trust: 'contributors'\`): it runs code in the reader’s browser; remove it  html-unsafe
      style-expression.md:1:4  error  the inline style \`style="width: expression(alert(1))"\` on \`<p>\` can restyle the page around it, which contributed content may not do (\`trust: 'contributors'\`); use a class, which the site's \`extraCss\` styles  html-unsafe
      style-import.md:1:1  error  the raw HTML element \`<style>\` is not allowed in contributed content (\`trust: 'contributors'\`): its CSS can restyle the whole page and load from other sites; remove it  html-unsafe
      style-url-javascript.md:1:9  error  the inline style \`style="background: url(javascript:alert(1))"\` on \`<span>\` can restyle the page around it, which contributed content may not do (\`trust: 'contributors'\`); use a class, which the site's \`extraCss\` styles  html-unsafe
      svg-onload.md:1:1  error  the raw HTML element \`<svg>\` is not allowed in contributed content (\`trust: 'contributors'\`): SVG and MathML carry links and script of their own; remove it  html-unsafe
      svg-xlink.md:1:1  error  the raw HTML element \`<svg>\` is not allowed in contributed content (\`trust: 'contributors'\`): SVG and MathML carry links and script of their own; remove it  html-unsafe
      svg-xlink.md:1:9  error  the attribute \`xlink:href="javascript:alert(1)"\` on \`<a>\` is not among those contributed content may use (\`trust: 'contributors'\`); remove it  html-unsafe
      svg-xlink.md:1:42  error  the raw HTML element \`<text>\` is not allowed in contributed content (\`trust: 'contributors'\`): it is not among the elements contributed content may use; remove it  html-unsafe
      table-cell.md:3:7  error  the event handler \`onclick="alert(1)"\` on \`<td>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      template.md:1:1  error  the raw HTML element \`<template>\` is not allowed in contributed content (\`trust: 'contributors'\`): it is not among the elements contributed content may use; remove it  html-unsafe
      template.md:1:28  error  the event handler \`onerror="alert(1)"\` on \`<img>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe
      vbscript-and-data.md:1:9  error  the address \`href="vbscript:msgbox(1)"\` on \`<a>\` uses the scheme \`vbscript:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe
      vbscript-and-data.md:1:50  error  the address \`href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="\` on \`<a>\` uses the scheme \`data:\`, which contributed content may not use (\`trust: 'contributors'\`); use an \`https:\`, \`http:\`, \`mailto:\` or relative address  html-unsafe"
    `);
  });

  it('lets the HTML a Material knowledge base writes through: grids, figures, details, links, media, attribute lists', async () => {
    expect(await findings('safe', 'contributors')).toBe('');
    for (const [name, body] of await bodies('safe')) {
      const { html } = await render(body);
      expect(holdsWhatContributorsMayNotWrite(html), name).toBe(false);
    }
  });

  it('is a setting of its own, `authors` by default, with a clear message for a near miss', () => {
    expect(resolveSettings({ name: 'Site' }, TRUST).trust).toBe('authors');
    expect(resolveSettings({ name: 'Site', trust: 'contributors' }, TRUST).trust).toBe('contributors');
    expect(() => resolveSettings({ name: 'Site', trust: 'contributor' }, TRUST))
      .toThrowErrorMatchingInlineSnapshot(`
      [SettingsError: Invalid site settings in src/site.config.ts:
      **trust**: expected one of \`authors\`, \`contributors\`, received \`contributor\`; did you mean \`contributors\`?]
    `);
    expect(() => resolveSettings({ name: 'Site', trust: 'contributor' }, TRUST)).toThrow(SettingsError);
  });
});

describe('npm run check with the trust setting', () => {
  /** Runs `npm run check -- --no-examples` on `fixtures/trust/site` with the given trust. */
  async function checkSite(trust: 'authors' | 'contributors'): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    const code = await runCheckCommand(
      { examples: false, cache: false },
      {
        cwd: TRUST,
        env: { KB_CONTENT_DIR: 'site', NO_COLOR: '1' },
        settings: { name: 'Site', trust },
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
      },
    );
    return { code, stdout };
  }

  it('passes a site whose authors are trusted, and fails it, at the line, when contributors write it', async () => {
    expect(await checkSite('authors')).toEqual({ code: EXIT.ok, stdout: '2 files, 0 errors, 0 warnings\n' });
    const contributed = await checkSite('contributors');
    expect(contributed.code).toBe(EXIT.contentErrors);
    expect(contributed.stdout).toMatchInlineSnapshot(`
      "site/guides/greet-a-reader.md:10:34  error  the event handler \`onload="alert('hello')"\` on \`<img>\` runs code in the reader’s browser, which contributed content may not do (\`trust: 'contributors'\`); remove it  html-unsafe

      2 files, 1 error, 0 warnings
      "
    `);
  });
});

describe('the trust model: authors are trusted, as MkDocs trusts them', () => {
  it('publishes the XSS corpus as written, by default: no finding, and each page holds what the setting would forbid', async () => {
    expect(await findings('xss')).toBe('');
    expect(await findings('xss', 'authors')).toBe('');
    for (const [name, body] of await bodies('xss')) {
      const { html } = await render(body);
      expect(holdsWhatContributorsMayNotWrite(html), name).toBe(true);
    }
  });
});

describe('what the Markdown makes text', () => {
  it('stays text whatever the setting: admonition titles, abbreviations, tags without a space, TeX links, an unfinished tag', async () => {
    expect(await findings('escaped', 'contributors')).toBe('');
    const extensions = { ...DEFAULT_MARKDOWN_EXTENSIONS, 'pymdownx.arithmatex': { generic: true } };
    const runs: Record<string, string[]> = {};
    for (const [name, body] of await bodies('escaped'))
      runs[name] = whatRuns((await render(body, { extensions })).html);
    expect(runs).toEqual({
      'abbr-title.md': [],
      'admonition-title.md': [],
      'katex-href.md': [],
      'no-space-tag.md': [],
      // The renderer parses each raw node on its own: an unfinished tag cannot swallow what follows.
      'unfinished-tag.md': [],
    });
  });
});

describe('hand-written JSON-LD', () => {
  it('never reaches the page; one holding `</script>` is an error that says where a browser would end it', async () => {
    expect(await findings('json-ld', 'authors')).toMatchInlineSnapshot(
      `"t/raw-end-tag.md:17:27  error  the JSON-LD holds \`</script>\`, where a browser ends the script and reads \`<script>alert(1)</script>in JSON-LD end …\` as HTML; inside JSON, write \`<\\/script>\`  jsonld-invalid"`,
    );
    expect(await findings('json-ld', 'contributors')).toMatchInlineSnapshot(
      `"t/raw-end-tag.md:17:27  error  the JSON-LD holds \`</script>\`, where a browser ends the script and reads \`<script>alert(1)</script>in JSON-LD end …\` as HTML; inside JSON, write \`<\\/script>\`  jsonld-invalid"`,
    );
    const pages: Record<string, string[]> = {};
    for (const [name, body] of await bodies('json-ld')) {
      const { html } = await render(body);
      expect(html, name).not.toContain('application/ld+json');
      pages[name] = whatRuns(html);
    }
    // The whole block leaves the page, also what a browser would have read after its first
    // `</script>`: the error above says so, and nothing of it runs even if the error is baselined.
    expect(pages).toEqual({ 't/escaped-end-tag.md': [], 't/raw-end-tag.md': [] });
  });
});
