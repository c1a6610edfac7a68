import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, inheritedEnv, ROOT } from '../helpers/build-site.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { buildWithMkdocs, MKDOCS_ORACLE } from './mkdocs-oracle.ts';
import { MKDOCS_READING, OUR_READING } from './page-readings.ts';
import { publishedPages, readPage } from './site-pages.ts';
import { normaliseText, readContent, textBlocks, type PageReading } from './text-blocks.ts';

const run = promisify(execFile);

/**
 * A MkDocs project with what migrated knowledge bases hold and the site reads its own way today:
 * a topic page whose H1 differs from its title (`guides/index.md`), an article without `date`
 * (`how-do-i-pause.md`), frontmatter that is not YAML (`how-do-i-wait-for-input.md`), a page
 * without frontmatter (`privacy.md`), and one that links to its own title's id, holds a
 * `<div markdown="1">` with no blank line after the tag and a hand-written `<div class="toc">`
 * (`how-do-i-link-to-the-question.md`).
 *
 * Check names each at its place; the build refuses the invalid YAML (what is wrong stays an
 * error) until the baseline records it, and then publishes every page MkDocs publishes.
 */
const FIXTURE = path.join(import.meta.dirname, 'fixtures/failures');

/** `npm run check` on a copy of the fixture, examples not run: its exit code and findings (file, line, rule). */
async function check(project: string, args: string[] = []): Promise<{ code: number; findings: string[] }> {
  const script = path.join(ROOT, 'scripts/check.ts');
  const result = await run(process.execPath, [script, '--format', 'json', '--no-examples', ...args], {
    cwd: ROOT,
    env: { ...inheritedEnv(), KB_CONTENT_DIR: project },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: unknown; stdout?: string }) => {
      if (typeof error.code !== 'number') throw error;
      return { code: error.code, stdout: error.stdout ?? '' };
    },
  );
  const findings = (
    JSON.parse(result.stdout) as { file: string; line: number; severity: string; ruleId: string }[]
  ).map(
    (finding) =>
      `${path.relative(path.join(project, 'docs'), path.resolve(ROOT, finding.file))}:${finding.line} ${finding.severity} ${finding.ruleId}`,
  );
  return { code: result.code, findings };
}

/**
 * Each page a built site publishes, with its title (the site's name cut off) and the H1 of
 * its content with the H1's id: `/guides/: Guides | # Step-by-step guides {#step-by-step-guides}`.
 */
async function pagesOf(outDir: string, reading: PageReading): Promise<string[]> {
  const pages: string[] = [];
  for (const sitePath of await publishedPages(outDir)) {
    const html = await readPage(outDir, sitePath);
    const title = (html.querySelector('title')?.text ?? '').replace(/ (-|·) [^-·]*$/, '');
    const h1 = html.querySelector(reading.content)?.querySelector('h1');
    const heading = h1 ? ` | # ${normaliseText(h1.text).replace(/¶$/, '')} {#${h1.id}}` : '';
    pages.push(sitePath === '/404.html' ? sitePath : `${sitePath}: ${title}${heading}`);
  }
  return pages;
}

/**
 * What our build publishes: each page as {@link pagesOf} writes it, and the pages MkDocs also
 * publishes whose visible text differs from MkDocs' (`mkdocsOut`); or why it published nothing.
 */
async function ourSite(
  project: string,
  mkdocsOut: string,
): Promise<{ pages: string[]; textDiffers: string[] } | string> {
  let outDir: string | undefined;
  try {
    outDir = (await buildSite(project, { KB_EXAMPLES: 'off' })).outDir;
    const theirs = await publishedPages(mkdocsOut);
    const textDiffers: string[] = [];
    for (const sitePath of await publishedPages(outDir)) {
      if (sitePath === '/404.html' || !theirs.includes(sitePath)) continue;
      const expected = textBlocks(readContent(await readPage(mkdocsOut, sitePath), MKDOCS_READING)!);
      const actual = textBlocks(readContent(await readPage(outDir, sitePath), OUR_READING)!);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) textDiffers.push(sitePath);
    }
    return { pages: await pagesOf(outDir, OUR_READING), textDiffers };
  } catch (error) {
    const output =
      String((error as { stdout?: string }).stdout ?? '') +
      String((error as { stderr?: string }).stderr ?? '');
    const summary = /^\d+ files?, \d+ errors?, \d+ warnings?$/m.exec(output)?.[0];
    return `not built: ${summary ?? 'the build failed'}`;
  } finally {
    if (outDir) await rm(path.dirname(outDir), { recursive: true, force: true });
  }
}

const oracle = await requireTool(MKDOCS_ORACLE, 'the MkDocs side of the failures fixture');

describe('a MkDocs project with rough edges', () => {
  let project: string;
  beforeAll(async () => {
    // A copy: the baseline is written beside the content, next to mkdocs.yml.
    project = path.join(await mkdtemp(path.join(tmpdir(), 'kb-failures-')), 'project');
    await cp(FIXTURE, project, { recursive: true });
  });
  afterAll(async () => {
    if (project) await rm(path.dirname(project), { recursive: true, force: true });
  });

  it('npm run check reports what is wrong as an error, what MkDocs never required as a warning', async () => {
    expect(await check(project)).toMatchInlineSnapshot(`
      {
        "code": 1,
        "findings": [
          "guides/how-do-i-pause.md:1 warning date-missing",
          "guides/how-do-i-wait-for-input.md:4 error frontmatter-yaml",
          "guides/index.md:6 warning h1-title-mismatch",
        ],
      }
    `);
  }, 120_000);

  describe.skipIf(!oracle)('pages published', () => {
    const cleanUps: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanUp of cleanUps) await cleanUp();
    });

    it('by MkDocs; by us, nothing until the error is fixed or recorded in the baseline, then every page MkDocs publishes', async () => {
      const mkdocs = await buildWithMkdocs(FIXTURE);
      cleanUps.push(mkdocs.cleanUp);
      const refused = await ourSite(project, mkdocs.outDir);
      const recorded = await check(project, ['--write-baseline']);
      const ours = await ourSite(project, mkdocs.outDir);
      expect({
        mkdocs: await pagesOf(mkdocs.outDir, MKDOCS_READING),
        refused,
        recorded: recorded.code,
        ours,
      }).toMatchInlineSnapshot(`
        {
          "mkdocs": [
            "/: Rough Edges | # Rough Edges {#rough-edges}",
            "/404.html",
            "/guides/: Guides | # Step-by-step guides {#step-by-step-guides}",
            "/guides/how-do-i-link-to-the-question/: How do I link to a page's own question? | # How do I link to a page's own question? {#how-do-i-link-to-a-pages-own-question}",
            "/guides/how-do-i-pause/: How do I pause a script? | # How do I pause a script? {#how-do-i-pause-a-script}",
            "/guides/how-do-i-wait-for-input/: How do i wait for input | # How do I wait for input? {#how-do-i-wait-for-input}",
            "/privacy/: Privacy policy | # Privacy policy {#privacy-policy}",
          ],
          "ours": {
            "pages": [
              "/: Rough Edges | # Rough Edges {#rough-edges}",
              "/404.html",
              "/guides/: Guides | # Step-by-step guides {#step-by-step-guides}",
              "/guides/how-do-i-link-to-the-question/: How do I link to a page's own question? | # How do I link to a page's own question? {#how-do-i-link-to-a-pages-own-question}",
              "/guides/how-do-i-pause/: How do I pause a script? | # How do I pause a script? {#how-do-i-pause-a-script}",
              "/guides/how-do-i-wait-for-input/: How do I wait for input? | # How do I wait for input? {#how-do-i-wait-for-input}",
              "/privacy/: Privacy policy | # Privacy policy {#privacy-policy}",
              "/search/: Search | # Search {#}",
            ],
            "textDiffers": [
              "/guides/how-do-i-wait-for-input/",
            ],
          },
          "recorded": 0,
          "refused": "not built: 6 files, 1 error, 2 warnings",
        }
      `);
    }, 300_000);
  });
});
