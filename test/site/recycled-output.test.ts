import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildInto } from '../helpers/build-site.ts';
import { treeSnapshot } from '../helpers/tree-snapshot.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const PLAIN_PAGE = 'privacy.md';
const GREETING = 'guides/how-do-i-greet-someone.md';
/** Another question: the greeting's social card, which shows it, changes too. */
const otherQuestion = (text: string) => text.replaceAll('How do I greet someone?', 'How do I wave hello?');

/** Builds `work/content` into `work/<out>` with the cache `work/cache`; returns the build's log. */
async function build(work: string, out = 'dist'): Promise<string> {
  const cache = path.join(work, out === 'dist' ? 'cache' : `cache-${out}`);
  const built = await buildInto(path.join(work, 'content'), path.join(work, out), cache, {
    KB_EXAMPLES: 'off',
    NO_COLOR: '1',
  });
  return `${built.stdout}\n${built.stderr}`;
}

const inode = async (file: string) => (await stat(file)).ino;

/**
 * Rewrites a file of the published site as it was: the site is no longer exactly what the last
 * build published, so that the next build of the same content builds again rather than leaving it.
 */
async function touchPublished(work: string): Promise<void> {
  const file = path.join(work, 'dist', 'robots.txt');
  await writeFile(file, await readFile(file));
}
const drawn = (log: string) => Number(/social card\(s\) \((\d+) drawn\)/.exec(log)?.[1]);

describe('a build over the output of the build before last', () => {
  let work: string;
  const page = (dir: string) => path.join(work, dir, 'guides/how-do-i-greet-someone/index.html');

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kb-recycled-'));
    await cp(FIXTURE, path.join(work, 'content'), { recursive: true });
  }, 10_000);

  it('rewrites its files in place: the page keeps the file it had two builds ago', async () => {
    await build(work);
    const first = await inode(page('dist'));
    // The second build writes a fresh folder; the first one's output is kept as the spare.
    await touchPublished(work);
    await build(work);
    expect(await inode(page('dist'))).not.toBe(first);
    expect(await readdir(work)).toContain('.dist.spare');
    await touchPublished(work);
    const third = await build(work);
    expect(await inode(page('dist'))).toBe(first);
    expect(third).not.toMatch(/removed \d+ file/);
  }, 240_000);

  it('publishes exactly what a build from nothing publishes, without what it no longer writes', async () => {
    expect(await readdir(path.join(work, 'dist'))).toContain('privacy');
    await rm(path.join(work, 'content', PLAIN_PAGE));
    const greeting = path.join(work, 'content', GREETING);
    await writeFile(greeting, otherQuestion(await readFile(greeting, 'utf8')));
    const log = await build(work);
    // The privacy page and its card, the greeting's old card, the search fragments that changed.
    expect(log).toMatch(/removed \d+ file\(s\) an earlier build wrote and this one did not/);
    expect(await readdir(path.join(work, 'dist'))).not.toContain('privacy');
    await build(work, 'fresh');
    expect(await treeSnapshot(path.join(work, 'dist'))).toEqual(await treeSnapshot(path.join(work, 'fresh')));
  }, 240_000);

  it('replaces a card linked to the cache rather than writing through it', async () => {
    // The greeting's card changed above: the recycled folder held a link to its old cached card.
    // Were the new card written through that link, the old entry would no longer match its
    // checksum, and going back to the old question would draw the card again.
    const greeting = path.join(work, 'content', GREETING);
    const text = await readFile(path.join(FIXTURE, GREETING), 'utf8');
    await touchPublished(work);
    await build(work);
    await writeFile(greeting, text);
    expect(drawn(await build(work))).toBe(0);
  }, 240_000);

  it('leaves the spare to the next build when one fails on its content', async () => {
    const spareInode = await inode(page('.dist.spare'));
    const greeting = path.join(work, 'content', GREETING);
    const text = await readFile(greeting, 'utf8');
    await writeFile(greeting, `${text}\nSee [the missing page](missing.md).\n`);
    await expect(build(work)).rejects.toThrow(/link-missing-file/);
    expect((await readdir(work)).filter((name) => name.startsWith('.dist.'))).toEqual(['.dist.spare']);
    await writeFile(greeting, text);
    await touchPublished(work);
    await build(work);
    expect(await inode(page('dist'))).toBe(spareInode);
  }, 240_000);
});
