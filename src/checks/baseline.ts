import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from '../core/paths.ts';
import type { Diagnostic } from './diagnostics.ts';
import { RULES, type RuleId } from './rule-ids.ts';

/**
 * The adoption baseline: the errors a site had when it moved over, recorded so that check and
 * build report them as known and fail only on new ones (as ESLint's bulk suppressions and
 * PHPStan's baseline do). An entry is keyed by rule, file and a fingerprint of the offending
 * text, never by line, so editing elsewhere in the file keeps it matched.
 */
export interface BaselineEntry {
  /** Relative to the content folder, with forward slashes. */
  file: string;
  rule: RuleId;
  fingerprint: string;
  /** How many errors of this key are known. */
  count: number;
  /** The message when recorded: for people reading the file, never matched. */
  message: string;
}

export interface Baseline {
  /** Where the baseline is kept. */
  path: string;
  entries: BaselineEntry[];
}

/** Errors sorted by the baseline: new ones fail; known ones are only counted; stale entries match nothing now. */
export interface BaselineVerdict {
  fresh: Diagnostic[];
  known: Diagnostic[];
  stale: BaselineEntry[];
}

/** The baseline file's name, beside the content folder (next to `mkdocs.yml` in a MkDocs project). */
export const BASELINE_FILE = 'kb-baseline.json';

const VERSION = 1;
const ABOUT =
  'Known errors, recorded by `npm run check -- --write-baseline`: check and build count them and fail only on new ones. Fix them, then write the baseline again to shrink this file.';

/** A baseline file that is not what `--write-baseline` writes. */
export class BaselineError extends Error {}

export function baselinePathFor(contentDir: string): string {
  return path.join(path.dirname(path.resolve(contentDir)), BASELINE_FILE);
}

/** Reads the baseline; undefined when there is none. */
export async function readBaseline(file: string): Promise<Baseline | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new BaselineError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code}).`);
  }
  const fix = 'write it again with `npm run check -- --write-baseline`';
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${file}: not valid JSON (${(error as Error).message}); ${fix}.`);
  }
  const problems = (data as { problems?: unknown } | null)?.problems;
  if ((data as { version?: unknown } | null)?.version !== VERSION || !Array.isArray(problems))
    throw new BaselineError(`${file}: not a baseline of version ${VERSION}; ${fix}.`);
  const entries = problems.map((entry: Partial<BaselineEntry>, index) => {
    if (
      typeof entry?.file !== 'string' ||
      typeof entry.fingerprint !== 'string' ||
      !(typeof entry.rule === 'string' && entry.rule in RULES) ||
      !(Number.isInteger(entry.count) && entry.count! > 0)
    )
      throw new BaselineError(
        `${file}: problem ${index + 1} lacks a file, a known rule, a fingerprint or a count; ${fix}.`,
      );
    return { message: '', ...entry } as BaselineEntry;
  });
  return { path: file, entries };
}

/** Where diagnostics are, and how to read the files they name. */
export interface BaselineContext {
  contentDir: string;
  /** The folder diagnostics' file names are relative to. */
  cwd: string;
}

/** The baseline of these errors (warnings and notes are never recorded). */
export async function baselineOf(
  diagnostics: readonly Diagnostic[],
  context: BaselineContext,
): Promise<BaselineEntry[]> {
  const entries = new Map<string, BaselineEntry>();
  for (const { diagnostic, key, file, fingerprint } of await keyed(diagnostics, context)) {
    const entry = entries.get(key);
    if (entry) entry.count++;
    else
      entries.set(key, { file, rule: diagnostic.ruleId, fingerprint, count: 1, message: diagnostic.message });
  }
  return [...entries.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.rule.localeCompare(b.rule) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}

export async function writeBaseline(file: string, entries: readonly BaselineEntry[]): Promise<void> {
  const data = { about: ABOUT, version: VERSION, problems: entries };
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Sorts the errors into new and known; entries that match fewer errors than they count are stale. */
export async function applyBaseline(
  diagnostics: readonly Diagnostic[],
  baseline: Baseline | undefined,
  context: BaselineContext,
): Promise<BaselineVerdict> {
  if (!baseline) return { fresh: [...diagnostics], known: [], stale: [] };
  const left = new Map(
    baseline.entries.map((entry) => [keyOf(entry.file, entry.rule, entry.fingerprint), { ...entry }]),
  );
  const knownSet = new Set<Diagnostic>();
  for (const { diagnostic, key } of await keyed(diagnostics, context)) {
    const entry = left.get(key);
    if (!entry || entry.count === 0) continue;
    entry.count--;
    knownSet.add(diagnostic);
  }
  return {
    fresh: diagnostics.filter((d) => !knownSet.has(d)),
    known: diagnostics.filter((d) => knownSet.has(d)),
    stale: [...left.values()].filter((entry) => entry.count > 0),
  };
}

function keyOf(file: string, rule: string, fingerprint: string): string {
  return `${file}\0${rule}\0${fingerprint}`;
}

/** Each error with its key; the files are read once each. */
async function keyed(diagnostics: readonly Diagnostic[], { contentDir, cwd }: BaselineContext) {
  const texts = new Map<string, Promise<string | undefined>>();
  const textOf = (absolute: string) => {
    if (!texts.has(absolute))
      texts.set(
        absolute,
        readFile(absolute, 'utf8').catch(() => undefined),
      );
    return texts.get(absolute)!;
  };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return Promise.all(
    errors.map(async (diagnostic) => {
      const absolute = path.resolve(cwd, diagnostic.file);
      const file = toPosix(path.relative(path.resolve(contentDir), absolute));
      const offending = offendingText(await textOf(absolute), diagnostic);
      const fingerprint = createHash('sha256').update(offending).digest('hex').slice(0, 16);
      return { diagnostic, file, fingerprint, key: keyOf(file, diagnostic.ruleId, fingerprint) };
    }),
  );
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * What the error is about, with spacing normalised: the whole block when the error points at a
 * code fence (an example: its code and output block); otherwise the first clause of the message,
 * which quotes the offending text (the link, the field, the heading), with numbers masked and
 * without the suggested fix, so neither moving lines nor a new "did you mean" unmatches it.
 */
export function offendingText(
  text: string | undefined,
  diagnostic: Pick<Diagnostic, 'line' | 'message'>,
): string {
  const lines = text?.split(/\r?\n/);
  const first = diagnostic.line >= 1 ? lines?.[diagnostic.line - 1] : undefined;
  const fence = first === undefined ? undefined : FENCE.exec(first)?.[1];
  if (!fence) return normalise(diagnostic.message.split('; ')[0]!.replace(/\d+/g, '#'));
  const block = [first!];
  for (const line of lines!.slice(diagnostic.line)) {
    block.push(line);
    if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
  }
  return normalise(block.join('\n'));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
