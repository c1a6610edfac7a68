import { readdirSync, readFileSync } from 'node:fs';

/** A running sample of a process tree's resident memory. */
export interface TreeMemoryWatch {
  /** Stops sampling; returns the highest total seen, in KiB (0 where `/proc` is missing). */
  stop(): number;
}

/**
 * Samples the resident memory of `pid` and all its descendants together (the build and the
 * pagefind, esbuild and runtime processes it starts), every `intervalMs`, from Linux's `/proc`.
 * A peak per process (what `time` reports) would miss memory that two processes hold at once.
 */
export function watchTreeMemory(pid: number, intervalMs = 100): TreeMemoryWatch {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeResidentKb(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

function treeResidentKb(root: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const name of names) {
    const parent = parentOf(Number(name));
    if (parent === undefined) continue;
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  let total = 0;
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += residentKb(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** The parent's id from `/proc/<pid>/stat`, read after the command name (which may hold spaces and parentheses). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined; // the process has ended since the listing
  }
}

function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
