import { checkContent } from '../pipeline/check-content.ts';
import { countBySeverity } from '../pipeline/diagnostics.ts';
import { formatGithub } from '../pipeline/formatters/github.ts';
import { formatHuman } from '../pipeline/formatters/human.ts';
import { formatJson } from '../pipeline/formatters/json.ts';
import { applyFixes } from '../pipeline/apply-fixes.ts';
import { resolveSettings, SettingsError } from '../pipeline/settings.ts';
import siteConfig from '../site.config.ts';

/** Flags of `npm run check`, as parsed from the command line. */
export interface CheckFlags {
  format?: string | undefined;
  'max-warnings'?: string | undefined;
  only?: string[] | undefined;
  fix?: boolean | undefined;
  help?: boolean | undefined;
}

/** Where the command runs and writes. */
export interface CommandIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

/** Exit codes: 0 clean or warnings only, 1 content errors (or too many warnings), 2 bad usage or settings. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;

export const CHECK_USAGE = `Usage: npm run check -- [options]

  --format human|json|github  output format (default: human)
  --max-warnings N            fail (exit 1) when there are more than N warnings
  --only GLOB                 report on matching files only (repeatable); links still resolve
  --fix                       apply certain fixes (an H1 that differs from the title only in
                              case or punctuation is rewritten to the title)
  -h, --help                  show this help

Exit codes: 0 no errors, 1 content errors, 2 bad usage or settings.
`;

/** Runs the checker as the command line does and returns the exit code. */
export async function runCheckCommand(flags: CheckFlags, io: CommandIo): Promise<number> {
  if (flags.help) {
    io.stdout.write(CHECK_USAGE);
    return EXIT.ok;
  }
  const format = flags.format ?? 'human';
  if (!['human', 'json', 'github'].includes(format)) {
    io.stderr.write(`\`--format ${format}\` is not a format; use human, json or github.\n`);
    return EXIT.usage;
  }
  const maxWarnings = flags['max-warnings'] === undefined ? Infinity : Number(flags['max-warnings']);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) {
    io.stderr.write(`\`--max-warnings ${flags['max-warnings']}\` is not a whole number.\n`);
    return EXIT.usage;
  }
  let settings;
  try {
    settings = resolveSettings(siteConfig, io.cwd, io.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  const options = {
    contentDir: settings.contentDir,
    cwd: io.cwd,
    rules: settings.rules,
    ...(flags.only ? { only: flags.only } : {}),
  };
  let result;
  try {
    result = await checkContent(options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      io.stderr.write(
        `The content folder \`${settings.contentDir}\` does not exist; set \`contentDir\` in src/site.config.ts or KB_CONTENT_DIR.\n`,
      );
      return EXIT.usage;
    }
    throw error;
  }
  if (flags.fix) {
    const fixed = await applyFixes(result.documents, settings.contentDir);
    if (fixed > 0) {
      io.stderr.write(`Fixed ${fixed} problem(s); checking again.\n`);
      result = await checkContent(options);
    }
  }
  const { diagnostics, fileCount } = result;
  const output =
    format === 'json'
      ? formatJson(diagnostics)
      : format === 'github'
        ? formatGithub(diagnostics, fileCount)
        : formatHuman(diagnostics, { color: Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'], fileCount });
  io.stdout.write(output);
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || warnings > maxWarnings ? EXIT.contentErrors : EXIT.ok;
}
