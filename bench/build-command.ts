import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The command `npm run build` runs, as the program and arguments to start it with: the bench times
 * what a user's build runs (its Node.js flags included) without npm's own start-up. The script
 * must start with `node`, which becomes this process's Node.js, the pinned one.
 */
export function ourBuildCommand(root: string): { command: string; args: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.build ?? '';
  const [program, ...args] = script.trim().split(/\s+/);
  if (program !== 'node' || args.some((arg) => /["'$&|;<>`\\]/.test(arg))) {
    throw new Error(
      `package.json's build script must be \`node\` with plain arguments for the bench to time it alone; it is \`${script}\``,
    );
  }
  return { command: process.execPath, args };
}
