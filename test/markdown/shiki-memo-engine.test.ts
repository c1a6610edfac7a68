import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHighlighter, type RegexEngine } from 'shiki';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';
import { SHIKI_CONFIG } from '../../src/markdown/render-body.ts';
import { memoizingEngine } from '../../src/markdown/shiki-memo-engine.ts';

const run = promisify(execFile);
const FIXTURE = path.join(import.meta.dirname, 'fixtures/shiki-engine/highlight.ts');

const BLOCKS: Array<{ lang: string; code: string }> = [
  {
    lang: 'ts',
    code: [
      'import { setTimeout as sleep } from "node:timers/promises";',
      '',
      '/** Waits, then answers. */',
      'export async function answer(after: number): Promise<number> {',
      '  await sleep(after); // (1)',
      '  return `${after}`.length > 3 ? 42 : -1;',
      '}',
    ].join('\n'),
  },
  {
    lang: 'python',
    code: [
      'import asyncio',
      '',
      'async def answer(after: float) -> int:',
      '    """Waits, then answers."""',
      '    await asyncio.sleep(after)  # never blocks the loop',
      "    return 42 if f'{after}' else -1",
    ].join('\n'),
  },
  {
    lang: 'ts',
    code: 'const answer = 42; // the same line again\nconst answer = 42; // the same line again',
  },
];

/** An engine that counts the searches it runs. */
function counting(inner: RegexEngine): { engine: RegexEngine; searches: () => number } {
  let searches = 0;
  return {
    engine: {
      createString: (text) => inner.createString(text),
      createScanner(patterns) {
        const scanner = inner.createScanner(patterns);
        return {
          findNextMatchSync(text, start, options) {
            searches++;
            return scanner.findNextMatchSync(text, start, options);
          },
        };
      },
    },
    searches: () => searches,
  };
}

async function highlightAll(engine: RegexEngine): Promise<string[]> {
  const themes = SHIKI_CONFIG.themes as Record<string, string>;
  const highlighter = await createHighlighter({
    langs: ['ts', 'python'],
    themes: Object.values(themes),
    engine,
  });
  return BLOCKS.map(({ lang, code }) => highlighter.codeToHtml(code, { lang, themes, defaultColor: false }));
}

describe('the remembering regex engine', () => {
  it('gives the HTML shiki gives, running each search once for both themes', async () => {
    const plain = counting(await createOnigurumaEngine(import('shiki/wasm')));
    const remembered = counting(await createOnigurumaEngine(import('shiki/wasm')));
    const expected = await highlightAll(plain.engine);
    const got = await highlightAll(memoizingEngine(remembered.engine));
    expect(got).toEqual(expected);
    expect(got[0]).toContain('--shiki-dark:');
    // The second theme asks every search of the first again: at most half are run, fewer where
    // a line repeats. Without the remembering, all of them are.
    expect(remembered.searches()).toBeGreaterThan(0);
    expect(remembered.searches()).toBeLessThanOrEqual(plain.searches() / 2);
  });

  // In a process of its own, with plain Node: the hook works on Node's module loader.
  it('is the engine Astro’s highlighter loads where bodies are rendered, and only there', async () => {
    const highlight = async (...args: string[]) =>
      JSON.parse((await run(process.execPath, [FIXTURE, ...args], { cwd: ROOT })).stdout) as {
        used: boolean;
        html: string;
      };
    const [rendered, control] = await Promise.all([highlight(), highlight('without')]);
    expect(rendered.used).toBe(true);
    expect(control.used).toBe(false);
    // The block as the page has it is the block Astro's highlighter makes on its own.
    expect(rendered.html.match(/<pre[\s\S]*<\/pre>/)?.[0]).toBe(control.html);
    expect(control.html).toContain('astro-code');
  }, 60_000);
});
