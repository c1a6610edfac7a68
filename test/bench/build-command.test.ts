import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ourBuildCommand } from '../../bench/build-command.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project folder whose package.json has this build script. */
function projectWith(build: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-build-command-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ scripts: { build } }));
  return dir;
}

test("the bench times this project's own build script, its Node.js flags included, with this Node.js", () => {
  const { command, args } = ourBuildCommand(ROOT);
  expect(command).toBe(process.execPath);
  expect(args).toContain('--v8-pool-size=1');
  expect(args.slice(-2)).toEqual(['node_modules/astro/bin/astro.mjs', 'build']);
});

test('a script it cannot run alone stops the bench with what it found', () => {
  expect(() => ourBuildCommand(projectWith('astro build'))).toThrow(/must be `node`.*`astro build`/);
  expect(() => ourBuildCommand(projectWith('node a.mjs && node b.mjs'))).toThrow(/plain arguments/);
  expect(ourBuildCommand(projectWith(' node  x.mjs  build ')).args).toEqual(['x.mjs', 'build']);
});
