import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import rules from './dependency-rules.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Cruises `entries` under `baseDir` with the project's rules; returns each violation as `rule: from → to`. */
async function violations(baseDir: string, entries: string[], tsConfig?: string): Promise<string[]> {
  const result = await cruise(
    entries,
    {
      ...rules.options,
      validate: true,
      ruleSet: { forbidden: rules.forbidden ?? [] },
      baseDir,
      ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
    },
    undefined,
    tsConfig ? { tsConfig: { options: { allowImportingTsExtensions: true } } } : undefined,
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the layers of src/', () => {
  it('hold: no forbidden import and no cycle anywhere in the product', async () => {
    expect(await violations(ROOT, ['src', 'scripts', 'bench', 'astro.config.mjs'], 'tsconfig.json')).toEqual(
      [],
    );
  });

  it('actually inspect the imports: the cruise sees the document model importing the markdown layer', async () => {
    const result = await cruise(['src/model/load-document.ts'], {
      ...rules.options,
      baseDir: ROOT,
      tsPreCompilationDeps: true,
    });
    const modules = (result.output as ICruiseResult).modules;
    const loader = modules.find((module) => module.source === 'src/model/load-document.ts');
    expect(loader?.dependencies.map((d) => d.resolved)).toContain('src/markdown/heading-ids.ts');
  });

  describe('catch a forbidden import', () => {
    const made = mkdtemp(path.join(tmpdir(), 'kb-layers-'));
    afterAll(async () => rm(await made, { recursive: true, force: true }));

    it.each([
      [
        'the model importing Astro',
        { 'src/model/bad.ts': "import type { AstroConfig } from 'astro';\nexport type X = AstroConfig;\n" },
        'pipeline-knows-no-astro: src/model/bad.ts → astro',
      ],
      [
        'a Markdown plugin importing the checks',
        {
          'src/markdown/bad.ts': "import { RULES } from '../checks/rules.ts';\nexport const x = RULES;\n",
          'src/checks/rules.ts': 'export const RULES = {};\n',
        },
        'markdown-is-below-the-model: src/markdown/bad.ts → src/checks/rules.ts',
      ],
      [
        'a cycle',
        {
          'src/checks/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
          'src/checks/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
        },
        'no-cycles: src/checks/a.ts → src/checks/b.ts',
      ],
    ])('%s', async (_, files, expected) => {
      const dir = await mkdtemp(path.join(await made, 'case-'));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
        await writeFile(path.join(dir, file), text);
      }
      expect(await violations(dir, ['src'])).toContain(expected);
    });
  });
});
