import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MARKDOWN_EXTENSIONS } from '../../src/markdown/default-extensions.ts';
import { loadContent, PARSE_IN_THREADS_FROM } from '../../src/model/load-content.ts';
import { ROOT } from '../helpers/build-site.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** The bundled knowledge base loaded and rendered with `threads` parsing threads, into a fresh cache. */
async function load(contentDir: string, threads: number | undefined, cache?: string) {
  const cacheDir = cache ?? (await mkdtemp(path.join(tmpdir(), 'kb-parse-')));
  folders.push(cacheDir);
  const content = await loadContent({
    contentDir,
    cwd: ROOT,
    cacheDir,
    render: true,
    ...(threads === undefined ? {} : { threads }),
    markdown: { extensions: DEFAULT_MARKDOWN_EXTENSIONS, projectDir: ROOT, features: [], base: '/' },
  });
  const bodies = await Promise.all(
    content.documents.map(async (doc) => doc.bodyKey && (await content.bodies!.read(doc.bodyKey))),
  );
  return { content, bodies, cacheDir };
}

describe('parsing in worker threads', () => {
  it('gives the documents and bodies that parsing in this thread gives', async () => {
    const contentDir = path.join(ROOT, 'content');
    const [here, threads] = await Promise.all([load(contentDir, 0), load(contentDir, 2)]);
    expect(threads.content.parsed).toBeGreaterThanOrEqual(PARSE_IN_THREADS_FROM);
    expect(threads.content.parsed).toBe(here.content.parsed);
    expect([here.content.parseThreads, threads.content.parseThreads]).toEqual([0, 2]);
    expect(threads.content.documents).toEqual(here.content.documents);
    expect(threads.bodies).toEqual(here.bodies);
    expect(threads.bodies.filter(Boolean).length).toBe(here.content.documents.filter((d) => d.facts).length);
    // Dates keep their type across threads: the pages and the sitemap read them as dates.
    expect(threads.content.documents.find((doc) => doc.data?.date)?.data?.date).toBeInstanceOf(Date);
  }, 120_000);

  it('starts no thread for a few documents, nor when the caches hold every one', async () => {
    const few = await load(path.join(ROOT, 'test/model/fixtures/agreement-site'), undefined);
    expect(few.content.parsed).toBeLessThan(PARSE_IN_THREADS_FROM);
    expect(few.content.parseThreads).toBe(0);
    const contentDir = path.join(ROOT, 'content');
    const cold = await load(contentDir, undefined);
    expect(cold.content.parseThreads).toBeGreaterThan(0);
    const warm = await load(contentDir, undefined, cold.cacheDir);
    expect([warm.content.parsed, warm.content.parseThreads]).toEqual([0, 0]);
    expect(warm.bodies).toEqual(cold.bodies);
  }, 120_000);

  // Threads start while the files are read when the document cache cannot hold enough of them.
  it('ends the threads it started early when no file turns out to be readable', async () => {
    const contentDir = await mkdtemp(path.join(tmpdir(), 'kb-unreadable-'));
    folders.push(contentDir);
    await mkdir(path.join(contentDir, 'topic'));
    for (let i = 0; i < PARSE_IN_THREADS_FROM + 4; i++)
      await writeFile(
        path.join(contentDir, 'topic', `binary-${i}.md`),
        Buffer.from([0xff, 0xfe, 0x00, 0x01]),
      );
    // This process's threads, the thread pool's included (the reads above started it).
    const threads = async () => (await readdir('/proc/self/task')).length;
    const before = await threads();
    const { content } = await load(contentDir, undefined);
    expect([content.parsed, content.parseThreads]).toEqual([0, 0]);
    expect(content.documents.every((doc) => doc.problems.length > 0)).toBe(true);
    await expect.poll(threads, { timeout: 10_000 }).toBe(before);
  }, 60_000);
});
