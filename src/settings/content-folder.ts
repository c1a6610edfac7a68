import { readdirSync, statSync } from 'node:fs';
import { ENV } from '../core/env.ts';
import { SettingsError } from './settings-error.ts';

/**
 * Throws a {@link SettingsError} when the content folder the settings name cannot be read: it
 * does not exist, is a file, or is closed to this user. The folder is a setting, so this is bad
 * configuration (exit code 2) for `npm run check` and the build alike, said before any work starts.
 */
export function requireContentFolder(contentDir: string): void {
  const where = `set \`contentDir\` in src/site.config.ts or ${ENV.contentDir}`;
  let isFolder: boolean;
  try {
    isFolder = statSync(contentDir).isDirectory();
    if (isFolder) readdirSync(contentDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new SettingsError(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `The content folder \`${contentDir}\` does not exist; ${where}.`
        : `The content folder \`${contentDir}\` cannot be read (${code}); check its permissions, or ${where}.`,
      { cause: error },
    );
  }
  if (!isFolder)
    throw new SettingsError(`The content folder \`${contentDir}\` is a file, not a folder; ${where}.`);
}
