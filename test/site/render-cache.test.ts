import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { openRenderCache } from '../../src/integration/render-cache.ts';
import type { RenderedEntry } from '../../src/site/content-source.ts';

const entry = (text: string): RenderedEntry => ({
  html: `<p>${text}</p>`,
  headings: [{ depth: 2, slug: 'a', text: 'A' }],
  facts: { inShort: text, links: ['/x/'], seeAlso: [] },
});

test('keys differ with any part, and with how the parts are split', () => {
  const cache = openRenderCache('/nowhere');
  const key = cache.keyOf('fp', ['a.md', 'text']);
  expect(cache.keyOf('fp', ['a.md', 'text'])).toBe(key);
  expect(cache.keyOf('fp2', ['a.md', 'text'])).not.toBe(key);
  expect(cache.keyOf('fp', ['a.md', 'text!'])).not.toBe(key);
  expect(cache.keyOf('fp', ['a.mdt', 'ext'])).not.toBe(key);
});

test('a stored entry is read back; a missing or damaged one is a miss', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-render-cache-'));
  const cache = openRenderCache(dir);
  await cache.set('k1', entry('one'));
  expect(await cache.get('k1')).toEqual(entry('one'));
  expect(await cache.get('k2')).toBeUndefined();
  await writeFile(path.join(dir, 'k3.json'), '{not json');
  expect(await cache.get('k3')).toBeUndefined();
});

test('the next process reads facts from the index, and pruning keeps only what this process used', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-render-cache-'));
  const first = openRenderCache(dir);
  await first.set('a1', entry('a'));
  await first.set('b1', entry('b'));
  expect(await first.prune()).toBe(0);

  const second = openRenderCache(dir);
  expect(await second.facts('a1')).toEqual(entry('a').facts);
  expect(await second.prune()).toBe(1);
  expect((await readdir(dir)).sort()).toEqual(['a1.json', 'facts-index.json']);

  const third = openRenderCache(dir);
  expect(await third.facts('b1')).toBeUndefined();
  expect(await third.facts('a1')).toEqual(entry('a').facts);
});
