import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createProcessGroups, type ProcessGroups } from '../../src/examples/process-groups.ts';
import { requireTool } from '../helpers/require-tool.ts';

const usable = await requireTool(
  {
    name: 'a pids cgroup this user may create',
    install: 'run the tests as root on a machine with cgroup v1',
    available: async () => {
      const groups = await createProcessGroups(1);
      await groups?.dispose();
      return groups !== undefined;
    },
  },
  'the process-group tests',
);

/** A process that joins `group` as an example's shell does, then sleeps; resolves once it is in. */
async function sleeperIn(group: string): Promise<ChildProcess> {
  const child = spawn('/bin/sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec sleep 30', group], {
    stdio: 'ignore',
    detached: true,
  });
  for (let attempt = 0; attempt < 250; attempt++) {
    const members = await readFile(path.join(group, 'cgroup.procs'), 'utf8');
    if (members.split('\n').includes(String(child.pid))) return child;
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`process ${child.pid} never joined ${group}`);
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/** Once `child` has ended, or 5 s have passed: a sweep returns once its processes are dead, before Node reaps them. */
async function ended(child: ChildProcess): Promise<void> {
  if (!running(child)) return;
  await Promise.race([once(child, 'exit'), sleep(5_000)]);
}

describe.skipIf(!usable)('the pids cgroups of example runners in one process', () => {
  it('are each set’s own, whether made one after another or together, so one set’s sweep spares another’s processes', async () => {
    const sets: ProcessGroups[] = [];
    const children: ChildProcess[] = [];
    try {
      sets.push((await createProcessGroups(1))!);
      sets.push(...(await Promise.all([createProcessGroups(1), createProcessGroups(1)])).map((set) => set!));
      expect(new Set(sets.map((set) => set.folder(0))).size).toBe(3);
      for (const set of sets) children.push(await sleeperIn(set.folder(0)));

      await sets[0]!.dispose();
      await ended(children[0]!);
      expect(children.map(running)).toEqual([false, true, true]);
      await sets[1]!.sweep(0);
      await ended(children[1]!);
      expect(children.map(running)).toEqual([false, false, true]);
      expect(children[1]!.signalCode).toBe('SIGKILL');
    } finally {
      for (const child of children) if (running(child)) child.kill('SIGKILL');
      for (const set of sets) await set.dispose();
    }
  });
});
