import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectExamples } from '../../src/examples/collect-examples.ts';
import { runExample } from '../../src/examples/run-example.ts';
import { resolveRuntimes } from '../../src/examples/runtime-versions.ts';
import { DEFAULT_RUNTIMES } from '../../src/examples/runtimes.ts';
import type { Sandbox } from '../../src/examples/sandbox.ts';
import { loadContent, ROOT, tempDir, writeContent } from './helpers.ts';

describe('an error of the checker while it runs one example', () => {
  it('is that example’s finding, not the end of the run', async () => {
    const dir = await tempDir();
    const content = path.join(dir, 'content');
    await writeContent(content, {
      't/a.md': '---\ntitle: A?\ndescription: d\ndate: 2025-01-01\n---\n\n```js\nconsole.log(1);\n```\n',
    });
    const { documents } = await loadContent(content);
    const [example] = collectExamples(documents[0]!, DEFAULT_RUNTIMES);
    const runtimes = await resolveRuntimes(DEFAULT_RUNTIMES, ['javascript'], {
      root: ROOT,
      env: process.env,
    });
    const broken: Sandbox = {
      kind: 'none',
      ownProcesses: false,
      description: 'a sandbox that cannot start anything',
      notEnforced: [],
      folder: (hostDir) => hostDir,
      wrap: () => {
        throw new Error('EMFILE: too many open files');
      },
      sweep: async () => undefined,
      abort: () => undefined,
      dispose: async () => undefined,
    };
    const outcome = await runExample(example!, runtimes.get('javascript')!, {
      sandbox: broken,
      workRoot: dir,
      slot: 0,
      defaults: { timeoutMs: 5000, maxOutputBytes: 1024 },
    });
    expect(outcome).toMatchInlineSnapshot(`
      {
        "cacheable": false,
        "durationMs": 0,
        "message": "the checker could not run this example: EMFILE: too many open files",
        "passed": false,
        "printed": "",
        "ruleId": "example-failed",
      }
    `);
  });
});
