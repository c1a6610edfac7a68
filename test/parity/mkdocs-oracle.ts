import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ORACLE_PYTHON } from '../helpers/python-markdown.ts';
import type { SystemTool } from '../helpers/require-tool.ts';

const run = promisify(execFile);

/** The MkDocs the parity test compares with: Debian's, which runs on {@link ORACLE_PYTHON}. */
export const ORACLE_MKDOCS = process.env['KB_ORACLE_MKDOCS'] ?? '/usr/bin/mkdocs';

/**
 * MkDocs with Material for MkDocs and the `materialx.emoji` module Material 8 names for its
 * icons (`mkdocs-material-extensions`): {@link ORACLE_MKDOCS} on {@link ORACLE_PYTHON}.
 */
export const MKDOCS_ORACLE: SystemTool = {
  name: `MkDocs with Material for MkDocs (${ORACLE_MKDOCS})`,
  install:
    'apt-get install mkdocs mkdocs-material mkdocs-material-extensions python3-pymdownx, or set KB_ORACLE_MKDOCS and KB_ORACLE_PYTHON',
  available: mkdocsAvailable,
};

async function mkdocsAvailable(): Promise<boolean> {
  if (!existsSync(ORACLE_MKDOCS)) return false;
  try {
    await run(ORACLE_MKDOCS, ['--version'], { timeout: 20_000 });
    await run(
      ORACLE_PYTHON,
      [
        '-c',
        "import mkdocs, materialx.emoji\nfrom mkdocs.utils import get_theme_names\nassert 'material' in get_theme_names()",
      ],
      { timeout: 20_000 },
    );
    return true;
  } catch {
    return false;
  }
}

/** The folder of the Material theme that {@link ORACLE_MKDOCS} uses. */
async function materialThemeDir(): Promise<string> {
  const { stdout } = await run(
    ORACLE_PYTHON,
    ['-c', 'import mkdocs, material, os; print(os.path.dirname(material.__file__))'],
    { timeout: 20_000 },
  );
  return stdout.trim();
}

/** A MkDocs build: where it wrote the site, and the warnings it logged. */
export interface MkdocsBuild {
  outDir: string;
  warnings: string[];
  /** Removes the project copy and the built site. */
  cleanUp(): Promise<void>;
}

/**
 * Builds the MkDocs project in `projectDir` with {@link ORACLE_MKDOCS} (`--strict`), from a copy
 * of it, in its folder (pymdownx.snippets reads paths relative to where MkDocs runs). Two
 * changes to the copy make Debian's packages build what upstream's build:
 *
 * - MkDocs 1.4 predates `exclude_docs` (1.5) and stops a strict build at a setting it does not
 *   know, so the copy is made as MkDocs 1.5 would see the project: without `exclude_docs` and
 *   without the files it lists (`excluded`, relative to `docs/`).
 * - Debian's `materialx.emoji` is patched not to look in Material's own icon folder (upstream it
 *   does, which makes `:material-…:` an icon), so that folder is added to the copy's
 *   `custom_icons` (the fixture must list `custom_icons`).
 */
export async function buildWithMkdocs(
  projectDir: string,
  excluded: readonly string[] = [],
): Promise<MkdocsBuild> {
  const work = await mkdtemp(path.join(tmpdir(), 'kb-mkdocs-parity-'));
  const cleanUp = () => rm(work, { recursive: true, force: true });
  try {
    const copy = path.join(work, 'project');
    const outDir = path.join(work, 'site');
    await cp(projectDir, copy, { recursive: true });
    const config = path.join(copy, 'mkdocs.yml');
    const yaml = await readFile(config, 'utf8');
    const icons = path.join(await materialThemeDir(), '.icons');
    await writeFile(
      config,
      yaml.replace(/^exclude_docs:.*\n(?:[ \t]+.*\n|[ \t]*\n)*/m, '').replace(
        /^([ \t]*custom_icons:\n)(([ \t]*)- .*\n(?:\3- .*\n)*)/m,
        // Last, where upstream's `materialx` puts it.
        (_, key: string, items: string, indent: string) =>
          `${key}${items}${indent}- ${JSON.stringify(icons)}\n`,
      ),
    );
    for (const file of excluded) await rm(path.join(copy, 'docs', file), { recursive: true });
    const { stderr } = await run(ORACLE_MKDOCS, ['build', '--strict', '-f', config, '-d', outDir], {
      cwd: copy,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: unknown) => {
      throw new Error(`MkDocs could not build ${projectDir}`, { cause: error });
    });
    const warnings = stderr.split('\n').filter((line) => /\bWARNING\b/.test(line));
    return { outDir, warnings, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
