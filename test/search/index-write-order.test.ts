import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../src/integration/search-index.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A built site of two pages in a fresh folder. */
async function site(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'kb-index-order-'));
  folders.push(outDir);
  for (const [slug, title] of [
    ['cancel', 'How do I cancel a task?'],
    ['retry', 'How do I retry a request?'],
  ]) {
    await mkdir(path.join(outDir, slug!), { recursive: true });
    await writeFile(
      path.join(outDir, slug!, 'index.html'),
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`,
    );
  }
  return outDir;
}

describe('writing the search index', () => {
  // The build's memory peak: pagefind writes once the card threads, which run beside it, have ended.
  it('waits for `writeAfter` to settle, and writes the index even when that work failed', async () => {
    const outDir = await site();
    const cardsDone = Promise.withResolvers<void>();
    cardsDone.promise.catch(() => undefined);
    let settled = false;
    const building = buildSearchIndex(outDir, '/', undefined, { writeAfter: cardsDone.promise }).finally(
      () => (settled = true),
    );
    // Long enough for pagefind to index and write two pages many times over.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(settled).toBe(false);
    expect(existsSync(path.join(outDir, 'pagefind'))).toBe(false);

    cardsDone.reject(new Error('a card could not be drawn'));
    expect((await building).pages).toBe(2);
    expect(existsSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  });
});
