// Vitest's global setup: the temporary folders of a test run (built sites, caches, example runs,
// browser profiles) go into one folder, removed when the run ends. Left in the system's
// temporary folder, each run kept hundreds of them, gigabytes after a few dozen runs.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'proven-kb-tests-'));
  // Open to pass through, as the system's folder is: a test checks content as another user. Each
  // folder inside is made by `mkdtemp`, which only its owner can open.
  chmodSync(folder, 0o755);
  // `os.tmpdir()` reads it on every call; the test workers and every child process inherit it.
  process.env['TMPDIR'] = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
