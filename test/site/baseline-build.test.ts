import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, makeTempDir, runCheckScript } from '../checker/helpers.ts';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

// baseline-site has a broken link, a broken anchor and an example whose output block is wrong.
describe('a build with an adoption baseline', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let content: string;
  let refused: unknown;
  let site: BuiltSite;

  beforeAll(async () => {
    temp = await makeTempDir('baseline-build');
    content = await copyFixture('baseline-site', temp.dir);
    refused = await buildSite(content).catch((error: unknown) => error);
    await runCheckScript(temp.dir, content, ['--write-baseline']);
    site = await buildSite(content);
  }, 300_000);

  afterAll(async () => {
    await temp?.remove();
  });

  it('is refused without it', () => {
    expect((refused as { stderr?: string }).stderr).toContain('The content has errors; nothing was built.');
  });

  it('publishes with it, counting the known errors', () => {
    expect(site.stdout + site.stderr).toContain('3 known error(s) of');
  });

  it('logs what the examples ran on and how they were isolated, as the check does', () => {
    const log = site.stdout + site.stderr;
    expect(log).toMatch(/examples: 1 found, 1 run, 0 cached, 0 not run \(norun\), 1 failed/);
    expect(log).toMatch(/ran on: Python 3\.\d+/);
    expect(log).toMatch(/isolation: /);
  });

  it('says on the page that the known failing example is not verified, and so does the footer', async () => {
    const html = parse(await readFile(path.join(site.outDir, 't/sums/index.html'), 'utf8'));
    const note = html.querySelector('.kb-verification')?.text ?? '';
    expect(note).toMatch(/^Not verified: this example fails on Python 3\.\d+/);
    expect(html.toString()).not.toContain('Verified on');
    expect(html.querySelector('.kb-examples-claim')?.text).toBe(
      '1 code example fails and says so where it stands.',
    );
  });
});
