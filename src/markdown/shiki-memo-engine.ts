import type { RegexEngine } from 'shiki';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';

type Scanner = ReturnType<RegexEngine['createScanner']>;
type Match = ReturnType<Scanner['findNextMatchSync']>;
type FindOptions = Parameters<Scanner['findNextMatchSync']>[2];

/** A line as the tokenizer hands it over: its text, and the engine's own copy once a search needs one. */
interface LazyString {
  readonly content: string;
  inner: ReturnType<RegexEngine['createString']> | undefined;
  dispose(): void;
}

/** Searches remembered, across all scanners, before they are forgotten all at once. */
const REMEMBERED = 100_000;

/** Set once this module has made an engine: tells a test that shiki uses it. */
export const MEMO_ENGINE_USED = Symbol.for('proven-kb.shiki-memo-engine');

/**
 * A regex engine that remembers each search's answer. Shiki colours a block once per theme, and
 * each time runs the grammar's searches over the same lines from the same positions: the answers
 * depend on the grammar and the text, never on the theme. With the page's two themes, half the
 * searches were asked before: remembering them took an eighth off parsing and rendering a page.
 * The answers are the inner engine's own objects, which the tokenizer only reads.
 */
export function memoizingEngine(inner: RegexEngine): RegexEngine {
  let answers = new Map<Scanner, Map<string, Match>>();
  let remembered = 0;
  return {
    createScanner(patterns) {
      const scanner = inner.createScanner(patterns);
      return {
        findNextMatchSync(string: string | LazyString, start: number, options: FindOptions): Match {
          const text = typeof string === 'string' ? string : string.content;
          const key = `${start}:${String(options)}:${text}`;
          let known = answers.get(scanner);
          if (known?.has(key)) return known.get(key)!;
          const searched =
            typeof string === 'string' ? string : (string.inner ??= inner.createString(string.content));
          const match = scanner.findNextMatchSync(searched, start, options);
          if (++remembered > REMEMBERED) {
            answers = new Map();
            remembered = 1;
            known = undefined;
          }
          if (!known) answers.set(scanner, (known = new Map()));
          known.set(key, match);
          return match;
        },
        dispose() {
          answers.delete(scanner);
          scanner.dispose?.();
        },
      };
    },
    createString(content) {
      const lazy: LazyString = {
        content,
        inner: undefined,
        dispose() {
          lazy.inner?.dispose?.();
        },
      };
      return lazy;
    },
  };
}

/**
 * The engine Astro's highlighter loads (`#shiki-engine` of `@astrojs/internal-helpers`, which
 * `shiki-engine-hook.ts` points here): its own Oniguruma engine, remembering its answers.
 */
export async function loadShikiEngine(): Promise<RegexEngine> {
  (globalThis as Record<symbol, unknown>)[MEMO_ENGINE_USED] = true;
  return memoizingEngine(await createOnigurumaEngine(import('shiki/wasm')));
}
