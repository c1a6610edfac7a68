import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { SystemTool } from './require-tool.ts';

/** The names Chromium has on PATH: Debian's package (which CI installs) and Ubuntu's. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

/** `KB_CHROMIUM`, else Chromium found on PATH, else where Debian puts it. */
export const CHROMIUM_PATH =
  process.env['KB_CHROMIUM'] ?? onPath(CHROMIUM_NAMES, process.env['PATH'] ?? '') ?? '/usr/bin/chromium';

/** Flags for a headless Chromium in a container with no network but the local server. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Headless Chromium, which the browser, style and Lighthouse tests drive. */
export const CHROMIUM: SystemTool = {
  name: `Chromium (${CHROMIUM_PATH})`,
  install: 'apt-get install chromium, or set KB_CHROMIUM to a Chromium or Chrome',
  available: () => isExecutable(CHROMIUM_PATH),
};

/** Launches headless Chromium with the flags this environment needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 60_000,
  });
}

function onPath(names: readonly string[], searchPath: string): string | undefined {
  for (const folder of searchPath.split(path.delimiter).filter(Boolean))
    for (const name of names) if (isExecutable(path.join(folder, name))) return path.join(folder, name);
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
