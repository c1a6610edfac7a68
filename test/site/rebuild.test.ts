import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const GOODBYE = 'recipes/how-do-i-say-goodbye.md';

/** The build log's line about Markdown bodies: how many were rendered, read from the cache, and removed from it. */
function markdownCounts(site: BuiltSite) {
  const match = /Markdown: (\d+) rendered, (\d+) from the cache \((\d+) stale removed\)/.exec(site.stdout);
  if (!match) throw new Error(`no Markdown line in the build log:\n${site.stdout}`);
  const [rendered = NaN, cached = NaN, removed = NaN] = match.slice(1).map(Number);
  return { rendered, cached, removed };
}

const page = (site: BuiltSite, sitePath: string) =>
  readFile(path.join(site.outDir, sitePath, 'index.html'), 'utf8');

// One content folder built four times with one cache: first, unchanged, one article edited, one deleted.
describe('rebuilding with the render cache', () => {
  let content: string;
  const env: Record<string, string> = { KB_EXAMPLES: 'off' };
  const builds: BuiltSite[] = [];

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'kb-rebuild-'));
    content = path.join(work, 'content');
    await cp(FIXTURE, content, { recursive: true });
    env['KB_CACHE_DIR'] = path.join(work, 'cache');
    builds.push(await buildSite(content, env));
    builds.push(await buildSite(content, env));
    const file = path.join(content, GOODBYE);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Print `Goodbye`.', 'Print `Farewell`.'));
    builds.push(await buildSite(content, env));
    await rm(path.join(content, 'privacy.md'));
    builds.push(await buildSite(content, env));
  }, 600_000);

  test('the first build renders every body, and a build with nothing changed renders none', () => {
    const [first, second] = builds.map(markdownCounts);
    expect(first!.rendered).toBeGreaterThan(0);
    // Each page reads its own body once; the site model reads only the facts index.
    expect(second).toEqual({ rendered: 0, cached: first!.rendered, removed: 0 });
  });

  test('a cached body gives the same page as a rendered one', async () => {
    const [first, second] = builds;
    expect(await page(second!, 'recipes/how-do-i-say-goodbye')).toBe(
      await page(first!, 'recipes/how-do-i-say-goodbye'),
    );
    expect(await page(second!, 'guides/how-do-i-greet-someone')).toBe(
      await page(first!, 'guides/how-do-i-greet-someone'),
    );
  });

  test('an edited article is rendered again, alone, and its page shows the edit', async () => {
    expect(markdownCounts(builds[2]!)).toMatchObject({ rendered: 1, removed: 1 });
    const html = await page(builds[2]!, 'recipes/how-do-i-say-goodbye');
    expect(html).toContain('<code>Farewell</code>');
    expect(html).not.toContain('<code>Goodbye</code>');
  });

  test('a deleted file leaves the cache, and its page the site', async () => {
    expect(markdownCounts(builds[3]!)).toMatchObject({ rendered: 0, removed: 1 });
    await expect(page(builds[3]!, 'privacy')).rejects.toThrow(/ENOENT/);
  });
});
