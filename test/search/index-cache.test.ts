import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integration/search-index.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function scratch(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'kb-index-cache-'));
  folders.push(folder);
  return folder;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** A built site of three pages in a fresh folder. */
async function site(changed = ''): Promise<string> {
  const outDir = await scratch();
  for (const [slug, title, body] of [
    ['cancel', 'How do I cancel a task?', 'Call cancel on the task and await it.'],
    ['retry', 'How do I retry a request?', 'Wrap it in a loop with a backoff.'],
    ['queue', 'How do I drain a queue?', `Await join after the last put.${changed}`],
  ]) {
    await mkdir(path.join(outDir, slug!), { recursive: true });
    await writeFile(path.join(outDir, slug!, 'index.html'), page(title!, body!));
  }
  return outDir;
}

/** Every file of a folder with its bytes, by relative path. */
async function filesOf(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
  return Object.fromEntries(
    await Promise.all(
      names.map(async (name) => [name, (await readFile(path.join(folder, name))).toString('base64')]),
    ),
  );
}

describe('the search index cache', () => {
  it('copies the last index when no page changed, and builds a new one when one did', async () => {
    const cacheDir = await scratch();
    const first = await buildSearchIndex(await site(), '/', cacheDir);
    expect([first.cached, first.pages]).toEqual([false, 3]);

    const again = await site();
    const copied = await buildSearchIndex(again, '/', cacheDir);
    expect([copied.cached, copied.pages]).toEqual([true, 3]);
    expect(await filesOf(copied.outputPath)).toEqual(await filesOf(first.outputPath));
    // The same pages served under another path are indexed under other addresses.
    expect((await buildSearchIndex(await site(), '/kb/', cacheDir)).cached).toBe(false);

    const edited = await buildSearchIndex(await site(' Then close it.'), '/', cacheDir);
    expect(edited.cached).toBe(false);
    expect(await filesOf(edited.outputPath)).not.toEqual(await filesOf(first.outputPath));
  }, 60_000);

  it('builds the index again when the kept one is damaged', async () => {
    const cacheDir = await scratch();
    await buildSearchIndex(await site(), '/', cacheDir);
    const stored = path.join(cacheDir, 'search-index', 'latest');
    const bytes = await readFile(stored);
    bytes[bytes.length - 1] = bytes.at(-1)! ^ 0xff;
    await writeFile(stored, bytes);
    const rebuilt = await buildSearchIndex(await site(), '/', cacheDir);
    expect(rebuilt.cached).toBe(false);
    // And keeps the good one again.
    expect((await buildSearchIndex(await site(), '/', cacheDir)).cached).toBe(true);
  }, 60_000);
});
