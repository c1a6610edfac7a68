import { SettingsError } from './settings-error.ts';

/**
 * Runs `load` for a command-line entry point (`astro.config.mjs`, scripts): a settings
 * error is printed as it is, without a stack trace, and the process exits with 2, the
 * code for bad configuration; any other error is thrown on.
 */
export function settingsOrExit<T>(
  load: () => T,
  stderr: { write(text: string): unknown } = process.stderr,
): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    stderr.write(`${error.message}\n`);
    return process.exit(2);
  }
}

/** As {@link settingsOrExit}, for settings whose reading takes a promise (the settings file is imported). */
export async function settingsOrExitAsync<T>(
  load: () => Promise<T>,
  stderr: { write(text: string): unknown } = process.stderr,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    stderr.write(`${error.message}\n`);
    return process.exit(2);
  }
}
