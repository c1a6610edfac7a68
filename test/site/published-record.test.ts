import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { publishedState, recordPublished } from '../../src/integration/published-record.ts';

describe('the record of what the published site was built from', () => {
  let work: string;
  let outDir: string;
  let recordFile: string;

  beforeEach(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'kb-published-record-'));
    outDir = path.join(work, 'dist');
    recordFile = path.join(work, 'cache/published.json');
    await mkdir(path.join(outDir, 'guides'), { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<p>home</p>');
    await writeFile(path.join(outDir, 'guides/index.html'), '<p>guides</p>');
    await recordPublished(recordFile, outDir, 'key-1');
  });

  it('holds for the same key over the same files', async () => {
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('as-published');
  });

  it('fails for another key', async () => {
    expect(await publishedState(recordFile, outDir, 'key-2')).toBe('other-sources');
  });

  it('tells an output changed since, once a file was added, removed or written, even with the same bytes', async () => {
    await writeFile(path.join(outDir, 'stray.txt'), '');
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('output-changed');
    await rm(path.join(outDir, 'stray.txt'));
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('as-published');
    await rm(path.join(outDir, 'guides/index.html'));
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('output-changed');
    await writeFile(path.join(outDir, 'guides/index.html'), '<p>guides</p>');
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('output-changed');
    expect(await publishedState(recordFile, outDir, 'key-2')).toBe('other-sources');
  });

  it('tells, without throwing, a missing output from a record missing or damaged', async () => {
    expect(await publishedState(recordFile, path.join(work, 'elsewhere'), 'key-1')).toBe('output-changed');
    for (const text of [
      '',
      '{',
      'null',
      '{"version":1,"key":"key-1"}',
      '{"version":1,"key":"key-1","files":null}',
    ]) {
      await writeFile(recordFile, text);
      expect(await publishedState(recordFile, outDir, 'key-1'), text).toBe('other-sources');
    }
    await rm(recordFile);
    expect(await publishedState(recordFile, outDir, 'key-1')).toBe('other-sources');
  });
});
