import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pinnedNode, PINNED_NODE, type RuntimeSpec } from './runtimes.ts';

const run = promisify(execFile);

/** A runtime ready to use: its command with placeholders resolved, and its version. */
export interface ResolvedRuntime {
  name: string;
  spec: RuntimeSpec;
  command: string[];
  /** `3.11.7`; undefined when the runtime is missing. */
  version: string | undefined;
  /** Why the runtime cannot run examples, when it cannot. */
  problem: string | undefined;
}

/** Versions and real executables already asked for, by binary identity (path, size, modification time). */
export type VersionCache = Record<string, { version: string; executable: string }>;

/**
 * Resolves each runtime's command and version. The pinned Node's version comes from its package;
 * another runtime's version command runs only when its binary changed since the cached answer.
 */
export async function resolveRuntimes(
  runtimes: Record<string, RuntimeSpec>,
  root: string,
  versionCache: VersionCache,
  env: Record<string, string | undefined>,
): Promise<Map<string, ResolvedRuntime>> {
  const node = pinnedNode(root);
  const resolved = new Map<string, ResolvedRuntime>();
  for (const [name, spec] of Object.entries(runtimes)) {
    const command = spec.command.map((part) => (part === PINNED_NODE ? node.binary : part));
    if (spec.command[0] === PINNED_NODE) {
      resolved.set(name, { name, spec, command, version: node.version, problem: undefined });
      continue;
    }
    const binary = await findExecutable(command[0] ?? '', env['PATH'] ?? '');
    if (!binary) {
      resolved.set(name, {
        name,
        spec,
        command,
        version: undefined,
        problem: `\`${command[0]}\` was not found on PATH`,
      });
      continue;
    }
    const info = await stat(binary);
    const key = JSON.stringify([binary, info.size, info.mtimeMs, spec.version, spec.executable]);
    let known = versionCache[key];
    if (known === undefined) {
      const version = spec.version ? /\d+\.\d+(?:\.\d+)?/.exec(await ask(spec.version, env))?.[0] : undefined;
      const executable = spec.executable ? (await ask(spec.executable, env)).split('\n')[0]?.trim() : binary;
      known = { version: version ?? 'unknown', executable: executable || binary };
      versionCache[key] = known;
    }
    const real = known.executable;
    resolved.set(name, {
      name,
      spec,
      command: [real, ...command.slice(1)],
      version: known.version,
      problem: undefined,
    });
  }
  return resolved;
}

/** Runs a short query command in the caller's environment (launchers may need it) and returns what it printed. */
async function ask(command: string[], env: Record<string, string | undefined>): Promise<string> {
  try {
    const { stdout, stderr } = await run(command[0] ?? '', command.slice(1), { timeout: 10_000, env });
    return `${stdout}\n${stderr}`.trim();
  } catch {
    return '';
  }
}

/** Looks a program up on PATH the way a shell would. */
export async function findExecutable(program: string, searchPath: string): Promise<string | undefined> {
  if (program.includes('/')) return (await isExecutable(program)) ? path.resolve(program) : undefined;
  for (const dir of searchPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    return info.isFile() && (info.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
