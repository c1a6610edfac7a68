import type { Example } from './collect-examples.ts';
import { sessionDriver, sessionReplay, sessionSource } from './python-session.ts';

/** `import a.b as c, d` and `from a.b import c`, at any indentation: the modules named. */
const IMPORT_LINE = /^[ \t]*(?:import[ \t]+([\w., \t]+)|from[ \t]+([\w.]+)[ \t]+import\b)/gm;

/**
 * The modules a Python example and the blocks it runs after import, as written (`a.b`), for the
 * fork server to import ahead (python-fork-server.py keeps those of the standard library). A
 * guess from the text is enough: a module it misses is imported by the example as usual.
 */
export function importedModules(example: Example): string[] {
  const names = new Set<string>();
  for (const block of [...example.prelude, example]) {
    if (!block.session) {
      addModules(block.code, names);
      continue;
    }
    addModules(sessionSource(block.code), names);
    // The code that runs a session (python-session.ts) imports modules of its own.
    addModules(block === example ? sessionDriver('') : sessionReplay(''), names);
  }
  return [...names];
}

function addModules(code: string, names: Set<string>): void {
  for (const [, plain, from] of code.matchAll(IMPORT_LINE)) {
    if (from && !from.startsWith('.')) names.add(from);
    for (const part of plain?.split(',') ?? []) {
      const name = part
        .trim()
        .split(/[ \t]+as[ \t]+/)[0]!
        .trim();
      if (/^\w+(?:\.\w+)*$/.test(name)) names.add(name);
    }
  }
}

/**
 * What a forked child sees differently from a fresh interpreter: the modules imported ahead, the
 * server's frames below the example's, the recursion room they take, process ids, the objects
 * and references the server made, and the teardown a forked child skips (`__del__` at exit).
 * Code that looks at any of these runs as a fresh process, so that a claim only a fork would
 * print cannot pass.
 */
const INTERPRETER_STATE =
  /\b(?:sys\s*\.\s*(?:modules|_|getrefcount|getallocatedblocks|getrecursionlimit|setrecursionlimit|settrace|setprofile)|inspect\s*\.\s*(?:stack|currentframe|getouterframes)|(?:extract|format|print|walk)_stack|RecursionError|getpp?id|getpgid|getsid|gc\s*\.|tracemalloc|getrusage|\/proc\/self|__del__)/;

/** Whether a Python program looks at the interpreter's own state, where a fork differs from a fresh start. */
export function looksAtInterpreter(source: string): boolean {
  return INTERPRETER_STATE.test(source);
}
