import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { runExamples } from '../../src/examples/run-examples.ts';
import { DEFAULT_RUNTIMES } from '../../src/examples/runtimes.ts';
import { checkContent } from '../../src/checks/check-content.ts';
import { ROOT } from '../helpers/build-site.ts';

// The shipped knowledge base must be what it claims: clean, and every example proven from
// scratch (no cache) on the pinned Node.js and on python3.
it('checks clean, with every example verified from scratch', async () => {
  const check = await checkContent({ contentDir: path.join(ROOT, 'content'), cwd: ROOT });
  expect(check.diagnostics).toEqual([]);
  const articles = check.documents.filter((doc) => doc.route.kind === 'article');
  expect(articles.length).toBeGreaterThanOrEqual(16);
  expect(new Set(articles.map((doc) => doc.route.topic))).toEqual(new Set(['typescript-async', 'python-asyncio']));

  const cacheFile = path.join(await mkdtemp(path.join(tmpdir(), 'kb-bundled-')), 'examples.json');
  const examples = await runExamples({
    root: ROOT,
    documents: check.documents,
    runtimes: DEFAULT_RUNTIMES,
    useCache: false,
    cacheFile,
    env: process.env,
  });
  expect(examples.diagnostics).toEqual([]);
  expect(examples.counts.failed).toBe(0);
  expect(examples.counts.ran).toBeGreaterThanOrEqual(60);
  expect(examples.examples.some((e) => e.runtime === 'python')).toBe(true);
  expect(examples.examples.some((e) => e.runtime === 'typescript')).toBe(true);
}, 240_000);
