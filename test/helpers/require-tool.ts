/** A system program (or package) that some tests need and a fresh machine may lack. */
export interface SystemTool {
  /** What is missing, as a sentence's subject: `Chromium (/usr/bin/chromium)`. */
  name: string;
  /** How to get it, in a few words: `apt-get install chromium, or set KB_CHROMIUM`. */
  install: string;
  /** Whether it is there and works; asked once per test file. */
  available: () => boolean | Promise<boolean>;
}

/** Starts every skip line, so that the run's summary can gather them (see `skipped-tools-reporter.ts`). */
export const SKIP_MARK = '[skipped]';

/** Between the tests skipped and the reason, in a skip line. */
export const SKIP_BECAUSE = ', because ';

/** True in CI: `CI` set to anything but empty, `0` or `false`, as CI services set it. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/**
 * Whether `tests` (named as the skip line shows them) can run here. Without the tool, CI fails
 * right here, since `.ci/run` installs every tool and a skip would hide a regression; elsewhere
 * one line says what is skipped and what to install, and the caller skips those tests.
 * `optionalInCi` is for tools CI does not install either (a pyenv of several Pythons).
 */
export async function requireTool(
  tool: SystemTool,
  tests: string,
  options: { optionalInCi?: boolean } = {},
): Promise<boolean> {
  if (await tool.available()) return true;
  const reason = `${tool.name} is missing: ${tool.install}`;
  if (isCi() && !options.optionalInCi)
    throw new Error(`${reason}. CI requires ${tests}, so it does not skip them.`);
  console.warn(`${SKIP_MARK} ${tests}${SKIP_BECAUSE}${reason}`);
  return false;
}
