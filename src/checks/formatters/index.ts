import type { Diagnostic } from '../diagnostics.ts';
import { formatGithub } from './github.ts';
import { formatHuman } from './human.ts';
import { formatJson } from './json.ts';

/** What every formatter may use besides the diagnostics. */
export interface FormatContext {
  /** How many files were checked, for the summary line. */
  fileCount: number;
  /** ANSI colours, for a terminal. */
  color: boolean;
}

/** Turns sorted diagnostics into the text a reader (a person, a program, CI) wants. */
export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;

/** The output formats of `npm run check -- --format`, by name. */
export const FORMATTERS = {
  human: (diagnostics, context) => formatHuman(diagnostics, context),
  json: (diagnostics) => formatJson(diagnostics),
  github: (diagnostics, context) => formatGithub(diagnostics, context.fileCount),
} as const satisfies Record<string, Formatter>;

/** The name of an output format. */
export type FormatName = keyof typeof FORMATTERS;

/** True when `name` is an output format. */
export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
