import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { pinnedNode, PINNED_NODE, type RuntimeSpec } from './runtimes.ts';

const run = promisify(execFile);

/** A runtime ready to use: its command with the real interpreter, its version, and what it reads. */
export interface ResolvedRuntime {
  name: string;
  spec: RuntimeSpec;
  /** The program and arguments an example's file is appended to; the program is the real interpreter. */
  command: string[];
  /** `3.11.7`; undefined when the runtime is missing or did not say. */
  version: string | undefined;
  /** The interpreter that runs the examples, as an absolute path; undefined when it is missing. */
  executable: string | undefined;
  /** `Python 3.11.7`: what the summary and the pages say the examples ran on. */
  label: string;
  /** Folders outside the system's own that the runtime reads: its installation, a virtualenv. */
  paths: string[];
  /** The requirements file the site names for this runtime (as written there), and a hash of its contents. */
  requirements: { file: string; hash: string } | undefined;
  /** Why the runtime cannot run examples, when it cannot. */
  problem: string | undefined;
}

/** What a site says about a runtime's environment (`examples.environments.<runtime>` in the settings). */
export interface RuntimeEnvironment {
  /** The interpreter to use instead of the runtime's own program, e.g. `.venv/bin/python`. */
  interpreter?: string | undefined;
  /** The file that lists the packages examples may import, e.g. `requirements.txt`. */
  requirements?: string | undefined;
}

/** Where a runtime is resolved: the project's folder and the caller's environment. */
export interface ResolveOptions {
  root: string;
  env: Record<string, string | undefined>;
  environments?: Record<string, RuntimeEnvironment> | undefined;
}

/**
 * Resolves the named runtimes. Each is asked afresh on every run, in the caller's environment and
 * from the project's folder, which interpreter its command means: a pyenv shim or a `PATH`
 * change picks another Python, and the examples must run on the one the author's shell runs.
 */
export async function resolveRuntimes(
  runtimes: Record<string, RuntimeSpec>,
  names: Iterable<string>,
  options: ResolveOptions,
): Promise<Map<string, ResolvedRuntime>> {
  return runtimeResolver(runtimes, options)(names);
}

/** Resolves runtimes by name, each at most once, the asking of several at the same time. */
export type RuntimeResolver = (names: Iterable<string>) => Promise<Map<string, ResolvedRuntime>>;

/**
 * A resolver that may be asked ahead: `resolver(Object.keys(runtimes))` before the content is
 * read starts every runtime's probe (a pyenv shim alone takes a tenth of a second) while the
 * content loads, and the run that needs some of them later finds them answered.
 */
export function runtimeResolver(
  runtimes: Record<string, RuntimeSpec>,
  options: ResolveOptions,
): RuntimeResolver {
  const asked = new Map<string, Promise<ResolvedRuntime>>();
  return async (names) => {
    const wanted = [...new Set(names)].filter((name) => runtimes[name]);
    for (const name of wanted) {
      if (!asked.has(name)) asked.set(name, resolveRuntime(name, runtimes[name]!, options));
    }
    const resolved = await Promise.all(wanted.map((name) => asked.get(name)!));
    return new Map(wanted.map((name, index) => [name, resolved[index]!]));
  };
}

async function resolveRuntime(
  name: string,
  given: RuntimeSpec,
  options: ResolveOptions,
): Promise<ResolvedRuntime> {
  const environment = options.environments?.[name] ?? {};
  const spec = environment.interpreter ? withInterpreter(given, environment.interpreter) : given;
  const requirements = environment.requirements
    ? {
        file: environment.requirements,
        hash: await hashFile(path.resolve(options.root, environment.requirements)),
      }
    : undefined;
  const base = { name, spec, requirements, problem: undefined };
  if (spec.command[0] === PINNED_NODE) {
    const node = pinnedNode(options.root);
    const command = spec.command.map((part) => (part === PINNED_NODE ? node.binary : part));
    return {
      ...base,
      command,
      version: node.version,
      executable: node.binary,
      label: `${spec.label} ${node.version}`,
      paths: await runtimePaths(node.binary, []),
    };
  }
  const program = spec.command[0] ?? '';
  const binary = await findExecutable(program, options.env['PATH'] ?? '', options.root);
  const missing = (problem: string): ResolvedRuntime => ({
    ...base,
    command: spec.command,
    version: undefined,
    executable: undefined,
    label: spec.label,
    paths: [],
    problem,
  });
  if (!binary) {
    return missing(
      environment.interpreter
        ? `\`${environment.interpreter}\` (examples.environments.${name}.interpreter in the site settings) does not exist or is not executable`
        : `\`${program}\` was not found on PATH`,
    );
  }
  let executable = binary;
  let version: string | undefined;
  let paths: string[] = [];
  if (spec.probe) {
    const answer = await ask([binary, ...spec.probe.slice(1)], options);
    const probed = parseProbe(answer.stdout);
    if (!probed) {
      const said = answer.stderr
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim();
      return missing(`\`${program}\` could not be started${said ? `: ${said}` : ''}`);
    }
    ({ executable, version, paths } = probed);
  } else if (spec.version) {
    const answer = await ask([binary, ...spec.version.slice(1)], options);
    version = /\d+\.\d+(?:\.\d+)?/.exec(`${answer.stdout}\n${answer.stderr}`)?.[0];
  }
  return {
    ...base,
    command: [executable, ...spec.command.slice(1)],
    version,
    executable,
    label: version ? `${spec.label} ${version}` : spec.label,
    paths: await runtimePaths(executable, paths),
  };
}

/** The runtime with `interpreter` in place of its program, in its command and in the commands that ask it. */
export function withInterpreter(spec: RuntimeSpec, interpreter: string): RuntimeSpec {
  const program = spec.command[0];
  const swap = (command: string[] | undefined) =>
    command?.map((part, index) => (index === 0 && part === program ? interpreter : part));
  return { ...spec, command: swap(spec.command)!, probe: swap(spec.probe), version: swap(spec.version) };
}

function parseProbe(
  stdout: string,
): { executable: string; version: string | undefined; paths: string[] } | undefined {
  try {
    const line = stdout.trim().split('\n').at(-1) ?? '';
    const answer = JSON.parse(line) as { executable?: unknown; version?: unknown; paths?: unknown };
    if (typeof answer.executable !== 'string' || !path.isAbsolute(answer.executable)) return undefined;
    return {
      executable: answer.executable,
      version: typeof answer.version === 'string' ? answer.version : undefined,
      paths: Array.isArray(answer.paths)
        ? answer.paths.filter((p): p is string => typeof p === 'string')
        : [],
    };
  } catch {
    return undefined;
  }
}

/**
 * The paths a runtime reads besides the system's: its installation (the folder above the `bin/`
 * of the real binary), the link it is started by, and what it reported; none under `/usr`.
 */
async function runtimePaths(executable: string, reported: readonly string[]): Promise<string[]> {
  const real = await realpath(executable).catch(() => executable);
  const link = real === executable ? [] : [executable];
  const folders = [path.dirname(path.dirname(real)), ...link, ...reported].filter(
    (folder) => path.isAbsolute(folder) && !/^\/usr(\/|$)/.test(folder) && folder !== '/',
  );
  // A path inside another is shown with it (and a bind inside a read-only bind would fail).
  const sorted = [...new Set(folders)].sort();
  return sorted.filter((folder) => !sorted.some((other) => folder.startsWith(`${other}/`)));
}

/** Runs a short query in the caller's environment and the project's folder (launchers may need both). */
async function ask(command: string[], options: ResolveOptions): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(command[0] ?? '', command.slice(1), {
      cwd: options.root,
      env: options.env,
      timeout: 10_000,
      maxBuffer: 1024 * 1024,
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { stdout: failed.stdout ?? '', stderr: failed.stderr || failed.message };
  }
}

async function hashFile(file: string): Promise<string> {
  const text = await readFile(file).catch(() => Buffer.from(''));
  return createHash('sha256').update(text).digest('hex');
}

/** Looks a program up on PATH the way a shell would; a path with a slash is taken relative to `base`. */
export async function findExecutable(
  program: string,
  searchPath: string,
  base = process.cwd(),
): Promise<string | undefined> {
  if (program.includes('/')) {
    const file = path.resolve(base, program);
    return (await isExecutable(file)) ? file : undefined;
  }
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
