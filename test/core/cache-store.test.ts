import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_UNUSED_MS, digest, openFileStore, openJsonStore } from '../../src/core/cache-store.ts';

const made = mkdtemp(path.join(tmpdir(), 'kb-cache-store-'));
afterAll(async () => rm(await made, { recursive: true, force: true }));

const DAY = 24 * 60 * 60 * 1000;

describe('a JSON store', () => {
  it('gives back what was set, in the next run too, and counts its entries', async () => {
    const dir = await mkdtemp(path.join(await made, 'json-'));
    const first = await openJsonStore<{ n: number }>({ dir, name: 'x', version: 1 });
    expect(first.size()).toBe(0);
    first.set('a', { n: 1 });
    first.set('c', { n: 3 });
    first.set('a', { n: 2 });
    expect(first.size()).toBe(2);
    await first.save();
    const second = await openJsonStore<{ n: number }>({ dir, name: 'x', version: 1 });
    expect(second.get('a')).toEqual({ n: 2 });
    expect(second.get('b')).toBeUndefined();
    expect(second.size()).toBe(2);
  });

  it('ignores an entry edited on disk, whose checksum no longer matches', async () => {
    const dir = await mkdtemp(path.join(await made, 'json-'));
    const store = await openJsonStore<{ passed: boolean }>({ dir, name: 'x', version: 1 });
    store.set('verdict', { passed: false });
    await store.save();
    const file = path.join(dir, 'x.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('\\"passed\\":false', '\\"passed\\":true'));
    expect(await readFile(file, 'utf8')).toContain('true');
    expect((await openJsonStore({ dir, name: 'x', version: 1 })).get('verdict')).toBeUndefined();
  });

  it('is empty in another version, and drops what no run used for a week', async () => {
    const dir = await mkdtemp(path.join(await made, 'json-'));
    let now = 0;
    const open = (version = 1) => openJsonStore<number>({ dir, name: 'x', version, now: () => now });
    const store = await open();
    store.set('old', 1);
    store.set('kept', 2);
    await store.save();
    now = MAX_UNUSED_MS - DAY;
    const later = await open();
    expect(later.get('kept')).toBe(2);
    await later.save();
    now = MAX_UNUSED_MS + DAY;
    const week = await open();
    expect(week.get('old')).toBeUndefined();
    expect(week.get('kept')).toBe(2);
    expect((await open(2)).get('kept')).toBeUndefined();
  });
});

describe('a file store', () => {
  it('links an entry this run checked or wrote where the caller wants it, whose data stays when the entry changes', async () => {
    const dir = await mkdtemp(path.join(await made, 'files-'));
    const written = await openFileStore({ dir, name: 'cards', version: 1 });
    await written.write('card', 'first');
    await written.save();
    const out = await mkdtemp(path.join(await made, 'out-'));
    const store = await openFileStore({ dir, name: 'cards', version: 1 });
    // Not checked yet in this run: a damaged file must not be handed out.
    expect(await store.link('card', path.join(out, 'unchecked.png'))).toBe(false);
    expect(await store.read('card')).toEqual(Buffer.from('first'));
    expect(await store.link('card', path.join(out, 'card.png'))).toBe(true);
    expect(await readFile(path.join(out, 'card.png'), 'utf8')).toBe('first');
    await store.write('card', 'second');
    expect(await readFile(path.join(out, 'card.png'), 'utf8')).toBe('first');
    expect(await store.link('missing', path.join(out, 'missing.png'))).toBe(false);
  });

  it('links over a file that is there, never writing through it (it may be another entry)', async () => {
    const dir = await mkdtemp(path.join(await made, 'files-'));
    const store = await openFileStore({ dir, name: 'cards', version: 1 });
    await store.write('old', 'old card');
    await store.write('new', 'new card');
    const out = await mkdtemp(path.join(await made, 'out-'));
    const target = path.join(out, 'card.png');
    expect(await store.link('old', target)).toBe(true);
    expect(await store.link('new', target)).toBe(true);
    expect(await readFile(target, 'utf8')).toBe('new card');
    expect((await store.read('old'))?.toString()).toBe('old card');
  });

  it('says whether an entry is there and intact, reading its file once a run', async () => {
    const dir = await mkdtemp(path.join(await made, 'files-'));
    const written = await openFileStore({ dir, name: 'cards', version: 1 });
    await written.write('good', 'intact');
    await written.write('bad', 'intact too');
    await written.save();
    await writeFile(path.join(dir, 'cards', 'bad'), 'damaged');
    const store = await openFileStore({ dir, name: 'cards', version: 1 });
    expect(await store.has('good')).toBe(true);
    expect(await store.has('bad')).toBe(false);
    expect(await store.has('missing')).toBe(false);
    // Checked once: the file is not read again in this run.
    await writeFile(path.join(dir, 'cards', 'good'), 'damaged after the check');
    expect(await store.has('good')).toBe(true);
  });
  it('keeps bytes and text alike, non-ASCII included, and checks them on reading', async () => {
    const dir = await mkdtemp(path.join(await made, 'files-'));
    const store = await openFileStore({ dir, name: 'bodies', version: 1 });
    await store.write('k', 'curly “quotes” — and a dash');
    expect(await store.save()).toBe(0);
    const again = await openFileStore({ dir, name: 'bodies', version: 1 });
    expect((await again.read('k'))?.toString('utf8')).toBe('curly “quotes” — and a dash');
    await writeFile(path.join(dir, 'bodies', 'k'), 'tampered');
    expect(await again.read('k')).toBeUndefined();
  });

  it('deletes the files of entries no run used for a week, and stray files', async () => {
    const dir = await mkdtemp(path.join(await made, 'files-'));
    let now = 0;
    const store = await openFileStore({ dir, name: 'bodies', version: 1, now: () => Date.now() + now });
    await store.write('old', 'x');
    await store.save();
    await writeFile(path.join(dir, 'bodies', 'partial.tmp'), 'left by a killed write');
    await writeFile(path.join(dir, 'bodies', 'another-run'), 'written a moment ago by another run');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(dir, 'bodies', 'partial.tmp'), hourAgo, hourAgo);
    now = MAX_UNUSED_MS + DAY;
    const later = await openFileStore({ dir, name: 'bodies', version: 1, now: () => Date.now() + now });
    await later.write('new', 'y');
    expect(await later.save()).toBe(2);
    expect(await readFile(path.join(dir, 'bodies', 'another-run'), 'utf8')).toContain('another run');
    expect(await later.read('old')).toBeUndefined();
    expect((await later.read('new'))?.toString()).toBe('y');
  });
});

describe('digests', () => {
  it('tell lists of parts apart, and text from other text', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest(['é'])).toBe(digest([Buffer.from('é')]));
  });
});
