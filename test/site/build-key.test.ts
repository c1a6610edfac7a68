import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeyOf, type BuildSources } from '../../src/integration/build-key.ts';
import { productCodeIdentity } from '../../src/integration/product-code.ts';
import type { SiteSettings } from '../../src/settings/settings.ts';

describe('the key of a build: what its output depends on', () => {
  let sources: BuildSources;

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'kb-build-key-'));
    await mkdir(path.join(work, 'bodies'));
    await mkdir(path.join(work, 'content/images'), { recursive: true });
    await writeFile(path.join(work, 'bodies/b1'), '{"html":"<p>one</p>"}');
    await writeFile(path.join(work, 'content/images/dot.png'), 'png');
    sources = {
      data: {
        entries: [],
        nav: undefined,
        examples: { status: 'verified', total: 1, failing: 0 },
        includeDrafts: false,
        bodiesDir: path.join(work, 'bodies'),
      },
      bodiesDir: path.join(work, 'bodies'),
      bodyKeys: ['b1'],
      contentDir: path.join(work, 'content'),
      assets: new Set(['images/dot.png']),
      settings: { name: 'Site', url: 'https://example.org/' } as unknown as SiteSettings,
      outDir: path.join(work, 'dist'),
      env: { KB_DRAFTS: undefined },
      argv: ['build'],
      code: 'code-1',
    };
  });

  it('is the same for the same sources, however often it is worked out', async () => {
    expect(buildKeyOf(sources)).toBe(buildKeyOf({ ...sources }));
  });

  it('changes with every source: data, settings, environment, arguments, output folder, code', async () => {
    const key = buildKeyOf(sources);
    const variants: Partial<BuildSources>[] = [
      { data: { ...sources.data, includeDrafts: true } },
      { settings: { ...sources.settings, name: 'Other' } },
      { env: { KB_DRAFTS: '1' } },
      { env: { KB_SITE_URL: 'https://elsewhere.example.org/' } },
      { argv: ['build', '--verbose'] },
      { outDir: `${sources.outDir}-2` },
      { code: 'code-2' },
      { bodyKeys: ['b1', 'b2'] },
      { assets: new Set(['images/dot.png', 'robots.txt']) },
    ];
    for (const variant of variants) {
      expect(buildKeyOf({ ...sources, ...variant }), JSON.stringify(variant)).not.toBe(key);
    }
  });

  it('changes when a body or a static file is rewritten, though its name stays', async () => {
    const key = buildKeyOf(sources);
    await writeFile(path.join(sources.bodiesDir, 'b1'), '{"html":"<p>two</p>"}');
    const afterBody = buildKeyOf(sources);
    expect(afterBody).not.toBe(key);
    await writeFile(path.join(sources.contentDir, 'images/dot.png'), 'png, redrawn');
    expect(buildKeyOf(sources)).not.toBe(afterBody);
  });

  it('does not change with where the report goes, which changes nothing published', async () => {
    expect(buildKeyOf({ ...sources, env: { ...sources.env, KB_BUILD_REPORT: '/tmp/report.json' } })).toBe(
      buildKeyOf(sources),
    );
  });

  it('treats an entry read from the cache as the same entry freshly parsed', async () => {
    const parsed = { ...sources.data, nav: undefined, entries: [{ id: 'a', robots: undefined }] };
    const cached = { ...sources.data, entries: [{ id: 'a' }] };
    expect(buildKeyOf({ ...sources, data: parsed as never })).toBe(
      buildKeyOf({ ...sources, data: cached as never }),
    );
  });
});

describe("the product's code identity", () => {
  it('changes with any file of the code, the public files, the configuration or the locked libraries', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'kb-product-'));
    await mkdir(path.join(project, 'src/components'), { recursive: true });
    await mkdir(path.join(project, 'public'));
    await writeFile(path.join(project, 'src/components/Page.astro'), '<p>one</p>');
    await writeFile(path.join(project, 'public/favicon.svg'), '<svg/>');
    await writeFile(path.join(project, 'package-lock.json'), '{"lockfileVersion":3}');
    const identities = [await productCodeIdentity(project)];
    expect(await productCodeIdentity(project)).toBe(identities[0]);
    const edits: [string, string][] = [
      ['src/components/Page.astro', '<p>two</p>'],
      ['src/styles/new.css', 'p{}'],
      ['public/favicon.svg', '<svg></svg>'],
      ['astro.config.mjs', 'export default {}'],
      ['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
      ['node_modules/.package-lock.json', '{}'],
    ];
    for (const [file, text] of edits) {
      await mkdir(path.dirname(path.join(project, file)), { recursive: true });
      await writeFile(path.join(project, file), text);
      const identity = await productCodeIdentity(project);
      expect(identities, file).not.toContain(identity);
      identities.push(identity);
    }
  });
});
