import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { BuildReport } from '../../src/integration/build-report.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';
import { openSearchIndex } from '../helpers/search-index.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const GOODBYE = 'recipes/how-do-i-say-goodbye.md';

const page = (site: BuiltSite, sitePath: string) =>
  readFile(path.join(site.outDir, sitePath, 'index.html'), 'utf8');

// One content folder built four times with one cache: first, unchanged, one article edited, one deleted.
describe('rebuilding with the caches', () => {
  let content: string;
  let work: string;
  const env: Record<string, string> = { KB_EXAMPLES: 'off' };
  const builds: { site: BuiltSite; report: BuildReport }[] = [];

  const build = async () => {
    const reportFile = path.join(work, `report-${builds.length}.json`);
    const site = await buildSite(content, { ...env, KB_BUILD_REPORT: reportFile });
    builds.push({ site, report: JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport });
  };

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kb-rebuild-'));
    content = path.join(work, 'content');
    await cp(FIXTURE, content, { recursive: true });
    env['KB_CACHE_DIR'] = path.join(work, 'cache');
    await build();
    await build();
    const file = path.join(content, GOODBYE);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Print `Goodbye`.', 'Print `Farewell`.'));
    await build();
    await rm(path.join(content, 'privacy.md'));
    await build();
  }, 600_000);

  test('the first build parses every document once, and a build with nothing changed parses none', () => {
    const [first, second] = builds.map(({ report }) => report);
    expect(first!.documentsParsed).toBe(first!.pages);
    expect(second!.documentsParsed).toBe(0);
  });

  test('a cached body gives the same page as a rendered one', async () => {
    const [first, second] = builds.map(({ site }) => site);
    expect(await page(second!, 'recipes/how-do-i-say-goodbye')).toBe(
      await page(first!, 'recipes/how-do-i-say-goodbye'),
    );
    expect(await page(second!, 'guides/how-do-i-greet-someone')).toBe(
      await page(first!, 'guides/how-do-i-greet-someone'),
    );
  });

  test('an edited article is parsed again, alone, and its page shows the edit', async () => {
    expect(builds[2]!.report.documentsParsed).toBe(1);
    const html = await page(builds[2]!.site, 'recipes/how-do-i-say-goodbye');
    expect(html).toContain('<code>Farewell</code>');
    expect(html).not.toContain('<code>Goodbye</code>');
  });

  test('the search index is built as the pages are rendered, and follows the content', async () => {
    expect(builds.map(({ report }) => report.searchStreamed)).toEqual([true, false, true, true]);
    const hits = async (site: BuiltSite, query: string) => {
      const index = await openSearchIndex(site.outDir);
      try {
        return (await index.search(query)).map((hit) => hit.url);
      } finally {
        await index.close();
      }
    };
    expect(await hits(builds[0]!.site, 'collects nothing')).toContain('/privacy/');
    expect(await hits(builds[3]!.site, 'collects nothing')).not.toContain('/privacy/');
    expect(await hits(builds[3]!.site, 'goodbye')).toContain('/recipes/how-do-i-say-goodbye/');
  });

  test('a deleted file leaves the site', async () => {
    expect(builds[3]!.report.documentsParsed).toBe(0);
    await expect(page(builds[3]!.site, 'privacy')).rejects.toThrow(/ENOENT/);
  });
});
