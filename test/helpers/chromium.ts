import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the CI script installs with apt. */
export const CHROMIUM_PATH = process.env['KB_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags for a headless Chromium in a container with no network but the local server. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser tests can run: true when Chromium is installed. Without it, a CI run
 * (`CI=true`) fails loudly; elsewhere the tests are skipped with a message that says why.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set KB_CHROMIUM)`;
  if (process.env['CI'] === 'true' || process.env['CI'] === '1')
    throw new Error(`${message}: the browser tests cannot run, and CI requires them.`);
  console.warn(`Skipping the browser tests: ${message}.`);
  return false;
}

/** Launches headless Chromium with the flags this environment needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}
