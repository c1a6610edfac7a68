import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { writeFileAtomic } from '../../src/core/write-file-atomic.ts';

test('writers racing on one file leave one whole version of it, the folder made, no partial files', async () => {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'kb-atomic-')), 'made', 'here');
  const file = path.join(dir, 'cache.json');
  const versions = Array.from({ length: 12 }, (_, index) => String(index % 10).repeat(512 * 1024));
  await Promise.all(versions.map((text) => writeFileAtomic(file, text)));
  expect(versions).toContain(await readFile(file, 'utf8'));
  expect(await readdir(dir)).toEqual(['cache.json']);
});
