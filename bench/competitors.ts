import { execFile } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../src/markdown/default-extensions.ts';
import type { SetAside } from './set-aside.ts';
import { watchTreeMemory } from './tree-memory.ts';

const run = promisify(execFile);

/** One build of a site, timed, with the peak memory of all its processes together. */
export interface BuildRun {
  seconds: number;
  peakKb: number;
}

/** A static site generator a user might pick instead, building the benchmark's corpus. */
export interface Competitor {
  name: string;
  /** Puts the corpus where the generator reads it. */
  prepare(): Promise<void>;
  /** A build from nothing: its output and every cache set aside first. */
  clean(): Promise<BuildRun>;
  /** A build with nothing changed since the last, its caches kept. */
  warm(): Promise<BuildRun>;
}

/**
 * A stock Starlight site, scaffolded by the user outside this project (`siteDir`, with its
 * `node_modules`): the corpus replaces its `src/content/docs` as it is (Starlight reads `title`
 * and `description` and ignores the rest), and it builds with its own Astro on this Node.js.
 */
export function starlightCompetitor(siteDir: string, contentDir: string, setAside: SetAside): Competitor {
  const docs = path.join(siteDir, 'src', 'content', 'docs');
  const build = async (clean: boolean) => {
    if (clean) {
      for (const folder of ['dist', '.astro', path.join('node_modules', '.astro')])
        await setAside.move(path.join(siteDir, folder));
    }
    return timedBuild(process.execPath, [path.join(siteDir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: siteDir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
  };
  return {
    name: 'Starlight',
    async prepare() {
      await rm(docs, { recursive: true, force: true });
      await mkdir(path.dirname(docs), { recursive: true });
      await cp(contentDir, docs, { recursive: true });
    },
    clean: () => build(true),
    warm: () => build(false),
  };
}

/**
 * Material for MkDocs (`mkdocs` on PATH) on the corpus in MkDocs' own layout: `docs/` and a
 * `mkdocs.yml` that enables the Markdown extensions the corpus is written for.
 */
export function mkdocsCompetitor(work: string, contentDir: string, setAside: SetAside): Competitor {
  const project = path.join(work, 'mkdocs-site');
  const build = async (clean: boolean) => {
    if (clean) await setAside.move(path.join(project, 'site'));
    // MkDocs keeps nothing between builds: `mkdocs build` (which empties `site/` first) is its warm build too.
    return timedBuild('mkdocs', ['build', '--quiet'], {
      cwd: project,
      env: process.env,
    });
  };
  return {
    name: 'MkDocs Material',
    async prepare() {
      await rm(project, { recursive: true, force: true });
      await mkdir(project, { recursive: true });
      await cp(contentDir, path.join(project, 'docs'), { recursive: true });
      const config = {
        site_name: 'Async Answers',
        site_url: 'https://async-answers.example.org/',
        theme: { name: 'material' },
        markdown_extensions: Object.entries(DEFAULT_MARKDOWN_EXTENSIONS).map(([name, options]) =>
          Object.keys(options ?? {}).length ? { [name]: options } : name,
        ),
      };
      await writeFile(path.join(project, 'mkdocs.yml'), stringify(config));
    },
    clean: () => build(true),
    warm: () => build(false),
  };
}

/** Runs a build command, timing it and sampling its processes' memory. */
async function timedBuild(
  program: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<BuildRun> {
  const started = performance.now();
  const pending = run(program, args, { ...options, maxBuffer: 256 * 1024 * 1024 });
  const memory = watchTreeMemory(pending.child.pid!);
  let peakKb = 0;
  try {
    await pending;
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed in ${options.cwd}:\n${stderr ?? ''}`, {
      cause: error,
    });
  } finally {
    peakKb = memory.stop();
  }
  return { seconds: (performance.now() - started) / 1000, peakKb };
}
