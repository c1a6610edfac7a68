import { appendFile, cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/integration/build-report.ts';
import { buildInto } from '../helpers/build-site.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const GREETING = 'guides/how-do-i-greet-someone';
/** A MkDocs project around the fixture, whose greeting includes a snippet from outside `docs/`. */
const MKDOCS_YML = `site_name: Async Answers
site_url: https://fixture.example.org/
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: snippets
`;

/** Each file of the published site with its inode and change time: equal when no file was written. */
async function stamps(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const info = await lstat(file, { bigint: true });
    files[path.relative(dir, file)] = `${info.ino}:${info.ctimeNs}`;
  }
  return files;
}

describe('a build with nothing to do', () => {
  let work: string;
  let project: string;
  const dist = () => path.join(work, 'dist');
  const page = (sitePath: string) => readFile(path.join(dist(), sitePath, 'index.html'), 'utf8');

  /** Builds the project into `work/dist` with one cache; the log and the build's report. */
  const build = async (env: Record<string, string> = {}) => {
    const reportFile = path.join(work, 'report.json');
    const built = await buildInto(project, dist(), path.join(work, 'cache'), {
      KB_EXAMPLES: 'off',
      KB_BUILD_REPORT: reportFile,
      NO_COLOR: '1',
      ...env,
    });
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport;
    return { log: `${built.stdout}\n${built.stderr}`, report };
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kb-up-to-date-'));
    project = path.join(work, 'project');
    await cp(FIXTURE, path.join(project, 'docs'), { recursive: true });
    await writeFile(path.join(project, 'mkdocs.yml'), MKDOCS_YML);
    await mkdir(path.join(project, 'snippets'));
    await writeFile(path.join(project, 'snippets/aside.md'), 'Waving works as well.\n');
    await appendFile(path.join(project, 'docs', `${GREETING}.md`), '\n--8<-- "aside.md"\n');
    const first = await build();
    expect(first.report.upToDate).toBe(false);
  }, 240_000);

  it('proves the content, then leaves the published site as it is, writing none of its files', async () => {
    const before = await stamps(dist());
    const { log, report } = await build();
    expect(report.upToDate).toBe(true);
    expect(report.pages).toBeGreaterThan(0);
    expect(log).toMatch(/proved in \d+ ms/);
    expect(log).toMatch(/nothing changed since the build that published .*: it stays as it is/);
    expect(await stamps(dist())).toEqual(before);
    expect((await readdir(work)).filter((name) => name.startsWith('.dist.staging'))).toEqual([]);
  }, 240_000);

  it('still fails on content that does not prove, the site left as it is', async () => {
    const before = await stamps(dist());
    const file = path.join(project, 'docs', `${GREETING}.md`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}\nSee [the missing page](missing.md).\n`);
    await expect(build()).rejects.toThrow(/link-missing-file/);
    await writeFile(file, text);
    expect(await stamps(dist())).toEqual(before);
    expect((await build()).report.upToDate).toBe(true);
  }, 240_000);

  it('builds again when a file of the published site was changed or removed, and restores it', async () => {
    const privacy = path.join(dist(), 'privacy/index.html');
    const original = await readFile(privacy, 'utf8');
    await rm(privacy);
    // The pages come out as they were published: their search index is copied, not built again.
    const removed = (await build()).report;
    expect([removed.upToDate, removed.searchStreamed]).toEqual([false, false]);
    expect(await readFile(privacy, 'utf8')).toBe(original);
    await writeFile(privacy, 'edited by hand');
    expect((await build()).report.upToDate).toBe(false);
    expect(await readFile(privacy, 'utf8')).toBe(original);
  }, 240_000);

  it('builds again when a snippet a page includes changed, though no article did', async () => {
    expect(await page(GREETING)).toContain('Waving works as well.');
    await writeFile(path.join(project, 'snippets/aside.md'), 'Nodding works too.\n');
    const { report } = await build();
    expect([report.upToDate, report.searchStreamed]).toEqual([false, true]);
    const html = await page(GREETING);
    expect(html).toContain('Nodding works too.');
    expect(html).not.toContain('Waving works as well.');
  }, 240_000);

  it('builds again when a static file of the content changed', async () => {
    await writeFile(path.join(project, 'docs/robots.txt'), 'User-agent: *\nDisallow: /drafts/\n');
    expect((await build()).report.upToDate).toBe(false);
    expect(await readFile(path.join(dist(), 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nDisallow: /drafts/\n',
    );
  }, 240_000);

  it('builds again when a setting changed, in mkdocs.yml or the environment', async () => {
    await writeFile(path.join(project, 'mkdocs.yml'), MKDOCS_YML.replace('Async Answers', 'Async Replies'));
    expect((await build()).report.upToDate).toBe(false);
    expect(await page('')).toContain('Async Replies');
    expect((await build({ KB_SITE_URL: 'https://elsewhere.example.org/' })).report.upToDate).toBe(false);
    expect(await page(GREETING)).toContain('https://elsewhere.example.org/guides/how-do-i-greet-someone/');
  }, 240_000);
});
