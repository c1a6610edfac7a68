import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../examples/progress.ts';
import { defaultJobs, exampleRuntimeResolver, runExamples } from '../examples/run-examples.ts';
import { IsolationSettingError } from '../examples/sandbox.ts';
import { summariseExampleRun } from '../examples/run-summary.ts';
import { DEFAULT_RUNTIMES } from '../examples/runtimes.ts';
import { updateOutputs, type UpdateMode } from '../examples/update-outputs.ts';
import { applyFixes } from '../checks/apply-fixes.ts';
import { checkExternalLinks, EXTERNAL_DEFAULTS } from '../checks/check-external.ts';
import { checkContent } from '../checks/check-content.ts';
import { compareDiagnostics, countBySeverity, type Diagnostic } from '../checks/diagnostics.ts';
import { FORMATTERS, isFormatName } from '../checks/formatters/index.ts';
import { applyRuleLevels } from '../checks/rule-levels.ts';
import { settleBaseline } from '../checks/settle-baseline.ts';
import { cacheRoot } from '../core/cache-store.ts';
import { ENV } from '../core/env.ts';
import { formatNotice, resolveSettings, SettingsError, type SiteSettings } from '../settings/settings.ts';
import { markdownOptionsOf } from '../settings/markdown-options.ts';
import { requireContentFolder } from '../settings/content-folder.ts';
import { loadSiteConfig } from '../settings/load-site-config.ts';

/** The settings file, beside this module's folder: imported when the command runs, so that a mistake in it is a message. */
const SITE_CONFIG = fileURLToPath(new URL('../site.config.ts', import.meta.url));

/** Flags of `npm run check`, as parsed from the command line. */
export interface CheckFlags {
  format?: string | undefined;
  'max-warnings'?: string | undefined;
  only?: string[] | undefined;
  fix?: boolean | undefined;
  examples?: boolean | undefined;
  cache?: boolean | undefined;
  jobs?: string | undefined;
  update?: string | undefined;
  external?: boolean | undefined;
  'write-baseline'?: boolean | undefined;
  verbose?: boolean | undefined;
  help?: boolean | undefined;
}

/** Where the command runs and writes. */
export interface CommandIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The project's folder (its pinned Node.js and caches); the working folder when not given. */
  root?: string;
  /** Site settings; read from `src/site.config.ts` when not given. */
  settings?: unknown;
  /** Another settings file to import when `settings` is not given (tests of a broken one). */
  settingsFile?: string;
}

/** Exit codes: 0 clean or warnings only, 1 content errors (or too many warnings), 2 bad usage or settings. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

export const CHECK_USAGE = `Usage: npm run check -- [options]

  --format human|json|github  output format (default: human)
  --max-warnings N            fail (exit 1) when there are more than N warnings
  --only GLOB                 report on matching files only (repeatable); links still resolve
  --fix                       apply certain fixes (an H1 that differs from the title only in
                              case or punctuation is rewritten to the title)
  --external                  also fetch http(s) links (concurrently, cached for a day);
                              links without an answer are "not checked", never broken
  --no-examples               do not run the code examples
  --jobs N                    examples run at once (default: one per core, plus one)
  --no-cache                  run every example, ignoring cached results
  --update                    rewrite output blocks from what the examples print
  --update=all                also add output blocks to examples that print but have none
  --update=throws             also rewrite the output blocks of \`throws\` examples
  --write-baseline            record every current error in kb-baseline.json beside the
                              content folder; from then on only new errors fail
  --verbose                   also list the known errors of the baseline
  -h, --help                  show this help

Exit codes: 0 no errors, 1 content errors, 2 bad usage or settings.
`;

const UPDATE_MODES = ['changed', 'all', 'throws'];

/** Runs the checker as the command line does and returns the exit code. */
export async function runCheckCommand(flags: CheckFlags, io: CommandIo): Promise<number> {
  if (flags.help) {
    io.stdout.write(CHECK_USAGE);
    return EXIT.ok;
  }
  const usage = (message: string) => {
    io.stderr.write(`${message}\nRun \`npm run check -- --help\` for the options.\n`);
    return EXIT.usage;
  };
  const format = flags.format ?? 'human';
  if (!isFormatName(format))
    return usage(
      `\`--format ${format}\` is not a format; use ${Object.keys(FORMATTERS)
        .join(', ')
        .replace(/, (\w+)$/, ' or $1')}.`,
    );
  // Digits only: `Number('')` is 0 and `Number('0x10')` is 16, which nobody means.
  const maxWarnings =
    flags['max-warnings'] === undefined
      ? Infinity
      : /^\d+$/.test(flags['max-warnings'])
        ? Number(flags['max-warnings'])
        : NaN;
  if (maxWarnings !== Infinity && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) {
    return usage(
      `\`--max-warnings ${flags['max-warnings']}\` is not a count; use a whole number, 0 or more.`,
    );
  }
  const jobs = flags.jobs === undefined ? defaultJobs() : Number(flags.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    return usage(`\`--jobs ${flags.jobs}\` is not a positive whole number.`);
  if (flags.update !== undefined && !UPDATE_MODES.includes(flags.update))
    return usage(
      `\`--update=${flags.update}\` is not a mode; use --update, --update=all or --update=throws.`,
    );
  if (flags.update !== undefined && flags.examples === false)
    return usage('`--update` needs the examples to run; drop `--no-examples`.');

  let settings: SiteSettings;
  try {
    const input = io.settings ?? (await loadSiteConfig(io.settingsFile ?? SITE_CONFIG));
    settings = resolveSettings(input, io.cwd, io.env);
    requireContentFolder(settings.contentDir);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  // Settings read and not honoured (mostly from mkdocs.yml): said once, never silently dropped.
  for (const notice of settings.notices) io.stderr.write(`${formatNotice(notice)}\n`);
  const caches = cacheRoot(projectRoot(io), io.env);
  const options = {
    cacheDir: flags.cache === false ? undefined : caches,
    markdown: markdownOptionsOf(settings, projectRoot(io)),
    contentDir: settings.contentDir,
    cwd: io.cwd,
    rules: settings.rules,
    exclude: settings.exclude,
    trust: settings.trust,
    ...(flags.only ? { only: flags.only } : {}),
  };
  const runtimes = { ...DEFAULT_RUNTIMES, ...settings.runtimes };
  // Which interpreter each runtime is, asked while the content loads.
  const resolver =
    flags.examples !== false
      ? exampleRuntimeResolver({ root: projectRoot(io), env: io.env, runtimes, settings: settings.examples })
      : undefined;
  let result = await checkContent(options);
  if (flags.fix) {
    const fixed = await applyFixes(result.documents, settings.contentDir);
    if (fixed > 0) {
      io.stderr.write(`Fixed ${fixed} problem(s); checking again.\n`);
      result = await checkContent(options);
    }
  }

  const diagnostics: Diagnostic[] = [...result.diagnostics];
  if (flags.external) {
    const external = await checkExternalLinks(result.selected, {
      ...EXTERNAL_DEFAULTS,
      cacheDir: flags.cache === false ? undefined : caches,
    });
    diagnostics.push(...applyRuleLevels(external, settings.rules));
  }
  if (flags.examples !== false) {
    const examples = await runExamples({
      root: projectRoot(io),
      documents: result.selected,
      runtimes,
      resolver,
      jobs,
      useCache: flags.cache !== false,
      cacheFile: io.env[ENV.exampleCache] || path.join(caches, 'examples.json'),
      env: io.env,
      progress: createProgress(io.stderr, Boolean(io.stderr.isTTY) && !io.env['CI'], 'examples'),
      settings: settings.examples,
      rules: settings.rules,
    }).catch((error: unknown) => {
      if (error instanceof IsolationSettingError) return error;
      throw error;
    });
    if (examples instanceof IsolationSettingError) {
      io.stderr.write(`${examples.message}\n`);
      return EXIT.usage;
    }
    const exampleDiagnostics = applyRuleLevels(examples.diagnostics, settings.rules);
    if (flags.update !== undefined) {
      const changes = await updateOutputs(examples, settings.contentDir, flags.update as UpdateMode);
      for (const { file, line, change } of changes)
        io.stderr.write(`updated ${file}:${line}: output block ${change}\n`);
      io.stderr.write(`${changes.length} output block(s) updated.\n`);
      const stillFailing = exampleDiagnostics.filter(
        (d) =>
          d.ruleId !== 'example-output-mismatch' ||
          !changes.some((c) => c.file === d.file && c.line === d.line),
      );
      diagnostics.push(...stillFailing);
    } else {
      diagnostics.push(...exampleDiagnostics);
    }
    // After `--update`, an example whose block was rewritten from its output no longer fails;
    // one whose finding the site made a warning does not count as failed either.
    const failingPlaces = new Set(
      diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.ruleId}`),
    );
    const failed = examples.examples.filter((e) => {
      const outcome = examples.outcomes.get(e);
      const line = outcome?.line ?? e.line;
      return outcome?.passed === false && failingPlaces.has(`${e.doc.displayPath}:${line}:${outcome.ruleId}`);
    }).length;
    io.stderr.write(`${summariseExampleRun(examples, failed).join('\n')}\n`);
  }
  diagnostics.sort(compareDiagnostics);

  const baseline = await settleBaseline(diagnostics, {
    contentDir: settings.contentDir,
    cwd: io.cwd,
    write: Boolean(flags['write-baseline']),
    verbose: Boolean(flags.verbose),
    // What this run did not look at keeps its entries.
    keep: (entry) =>
      (flags.examples === false && entry.rule.startsWith('example-')) ||
      (Boolean(flags.only?.length) && !result.selected.some((doc) => doc.file === entry.file)),
    stderr: io.stderr,
  });
  if (baseline === undefined) return EXIT.usage;

  io.stdout.write(
    FORMATTERS[format](baseline.fresh, {
      color: Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'],
      fileCount: result.fileCount,
    }),
  );
  const { errors, warnings } = countBySeverity(baseline.fresh);
  return errors > 0 || warnings > maxWarnings ? EXIT.contentErrors : EXIT.ok;
}

function projectRoot(io: CommandIo): string {
  return io.root ?? io.cwd;
}
