import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from 'vitest';
import { watchTreeMemory } from '../../bench/tree-memory.ts';

// Each process holds 150 MB for a moment; the grandchild starts while the child still holds its share.
const HOLD = `const held = Buffer.alloc(150 * 1024 * 1024, 1); setTimeout(() => held.length, 1500);`;
const CHILD = `${HOLD} require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(HOLD)}], { stdio: 'inherit' });`;

test('the peak counts a process and its descendants together', async () => {
  const child = spawn(process.execPath, ['-e', CHILD], { stdio: 'inherit' });
  const watch = watchTreeMemory(child.pid!, 50);
  await once(child, 'exit');
  const peakMb = watch.stop() / 1024;
  // Two processes of over 150 MB each at once: more than either alone.
  expect(peakMb).toBeGreaterThan(300);
});

test('a process that has already ended gives 0, not an error', () => {
  expect(watchTreeMemory(2 ** 22 + 1).stop()).toBe(0);
});
