import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SettingsError } from './settings-error.ts';

/**
 * Imports the site's settings file (`src/site.config.ts`) and returns its default export. A file
 * that does not load (a syntax error, TypeScript that Node cannot strip, an error while it runs)
 * is a {@link SettingsError} naming the file, line and column, so that `npm run check` and the
 * build stop with exit code 2 and one line, never a stack trace. The file is imported at run
 * time, by its path: Astro's config loader would otherwise bundle it, and fail on it first.
 */
export async function loadSiteConfig(file: string, shownAs = 'src/site.config.ts'): Promise<unknown> {
  try {
    const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw new SettingsError(
      `Invalid site settings in ${shownAs}:\n${shownAs}${placeOf(error, file)}: ${reasonOf(error, file, shownAs)}`,
      { cause: error },
    );
  }
}

/** `:line:column` of the problem in `file`, from Node's own report of it; empty when it gives none. */
function placeOf(error: unknown, file: string): string {
  // Vite's and Rolldown's errors, when Astro falls back to loading its config through Vite.
  const loc = (error as { loc?: { file?: string; line?: number; column?: number } } | undefined)?.loc;
  if (loc?.line !== undefined && (loc.file === undefined || sameFile(loc.file, file)))
    return `:${loc.line}:${(loc.column ?? 0) + 1}`;
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const lines = stack.split('\n');
  // A syntax error: `<file>:<line>`, the source around it, and a caret line under the column.
  const header = /^(.*):(\d+)$/.exec(lines[0] ?? '');
  if (header && sameFile(header[1]!, file)) {
    const caret = lines.findIndex((text, index) => index > 0 && /^\s*\^+\s*$/.test(text));
    return `:${header[2]}:${caret === -1 ? 1 : lines[caret]!.indexOf('^') + 1}`;
  }
  // An error while it runs: the first frame in the file.
  for (const text of lines) {
    const frame = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?$/.exec(text.trim());
    if (frame && sameFile(frame[1]!, file)) return `:${frame[2]}:${frame[3]}`;
  }
  return '';
}

function reasonOf(error: unknown, file: string, shownAs: string): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(file))
    return `the file is missing; create it with \`export default { name: '…', url: 'https://…' }\``;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX')
    return `the file uses TypeScript that Node.js cannot run as it is (${message.split('\n')[0]}); write the settings as a plain object, with type annotations only`;
  const kind =
    error instanceof SyntaxError
      ? 'the file is not valid TypeScript'
      : `the file fails when it runs (${error instanceof Error ? error.name : 'error'})`;
  return `${kind}: ${message.replaceAll(file, shownAs).split('\n')[0]}`;
}

function sameFile(reported: string, file: string): boolean {
  const plain = reported.startsWith('file://') ? decodeURIComponent(new URL(reported).pathname) : reported;
  return path.resolve(plain) === path.resolve(file);
}
