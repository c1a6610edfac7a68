import { createRequire } from 'node:module';
import path from 'node:path';

/** How to run one language's examples. */
export interface RuntimeSpec {
  /** Fence languages that run on this runtime. */
  languages: string[];
  /** The program and its arguments; the example's file is appended. `{node}` is the pinned Node.js. */
  command: string[];
  /** File extension of the example's source file (it decides, e.g., ES module or not). */
  extension: string;
  /** A command that prints the runtime's version; omitted for the pinned Node.js, whose version is known. */
  version?: string[] | undefined;
  /**
   * A command that prints, as JSON, `{ executable, version, paths }`: the real interpreter behind
   * the command (through launchers such as pyenv's shims, which need the caller's environment and
   * folder, which examples do not get), its version, and the folders it reads (a virtualenv and
   * the Python it was made from). It runs on every check, so that a switch of interpreter is seen.
   */
  probe?: string[] | undefined;
  /**
   * What the runner knows of this runtime's errors and notation: `python` runs `>>>` sessions
   * through doctest and reads Python's tracebacks; `node` reads Node.js's errors. Without it,
   * examples are only run and compared.
   */
  family?: 'python' | 'node' | undefined;
  /** Name shown on the page before the version, e.g. `Python`. */
  label: string;
  /**
   * A statement that writes `\u241E` on a line of its own to stdout and to stderr; put between
   * the blocks of a `continue` program so each block's output can be told apart.
   */
  separator?: string | undefined;
  /**
   * Strip TypeScript types in the runner, with Node's own stripper, and run the result as
   * `.mjs`: the same program, but the example's process no longer loads the stripper,
   * which halves its start-up time.
   */
  stripTypes?: boolean | undefined;
}

/** What a runtime's `separator` statement prints, on a line of its own, to both streams. */
export const SEPARATOR = '\u241E';

/** The pinned Node.js that runs the site also runs the TypeScript and JavaScript examples. */
export const PINNED_NODE = '{node}';

const JS_SEPARATOR = "process.stdout.write('\\n\\u241E\\n'); process.stderr.write('\\n\\u241E\\n');";
const PY_SEPARATOR =
  "import sys as _kb_sys; _kb_sys.stdout.write('\\n\\u241E\\n'); _kb_sys.stdout.flush(); _kb_sys.stderr.write('\\n\\u241E\\n'); _kb_sys.stderr.flush()";
const PY_PROBE = [
  'import json, platform, sys',
  'paths = sorted({sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix})',
  "print(json.dumps({'executable': sys.executable, 'version': platform.python_version(), 'paths': paths}))",
].join('\n');
const NODE_FLAGS = ['--max-old-space-size=512', '--disable-warning=ExperimentalWarning'];

/** The runtimes used when the site settings name none. */
export const DEFAULT_RUNTIMES: Record<string, RuntimeSpec> = {
  typescript: {
    languages: ['ts', 'typescript'],
    command: [PINNED_NODE, ...NODE_FLAGS],
    extension: '.mts',
    label: 'Node.js',
    separator: JS_SEPARATOR,
    stripTypes: true,
    family: 'node',
  },
  javascript: {
    languages: ['js', 'javascript', 'mjs'],
    command: [PINNED_NODE, ...NODE_FLAGS],
    extension: '.mjs',
    label: 'Node.js',
    separator: JS_SEPARATOR,
    family: 'node',
  },
  python: {
    // `pycon` is a Python console session, written with `>>>` prompts.
    languages: ['py', 'python', 'pycon'],
    command: ['python3', '-I', '-X', 'utf8'],
    extension: '.py',
    probe: ['python3', '-I', '-c', PY_PROBE],
    label: 'Python',
    separator: PY_SEPARATOR,
    family: 'python',
  },
};

/** The pinned Node.js binary and version, from the `node` package in devDependencies. */
export function pinnedNode(root: string): { binary: string; version: string } {
  const require = createRequire(path.join(root, 'package.json'));
  const manifest = require.resolve('node/package.json');
  const { version } = require(manifest) as { version: string };
  return { binary: path.join(path.dirname(manifest), 'bin', 'node'), version };
}

/** Finds the runtime of a fence language, if examples in it run. */
export function runtimeForLanguage(
  runtimes: Record<string, RuntimeSpec>,
  language: string | null | undefined,
): [string, RuntimeSpec] | undefined {
  if (!language) return undefined;
  const lower = language.toLowerCase();
  return Object.entries(runtimes).find(([, spec]) => spec.languages.includes(lower));
}
