import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';
import { KEY_ALIASES, KEY_LABELS } from './key-names.ts';
import './mdast-inline.ts';

/** The options of `pymdownx.keys` as `mkdocs.yml` gives them. */
export interface KeysOptions {
  /** Printed between keys; default `+`, empty for none. */
  separator?: string;
  /** Wrap the keys in `<kbd>` (HTML5's nested form) instead of `<span>`; default false. */
  strict?: boolean;
  /** Classes of the wrapper; default `keys`. */
  class?: string;
  /** Read `PgDn` as `pg-dn`; default false. */
  camel_case?: boolean;
  /** More keys, or other labels for known ones: `{ my-key: "My Key" }`. */
  key_map?: Record<string, string>;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    keys: 'keys';
    keysSequence: 'keysSequence';
    keysValue: 'keysValue';
  }
}

const PLUS = 43;
const QUOTES = new Set([34, 39]);

/**
 * pymdownx.keys: keyboard keys.
 *
 * ```md
 * Press ++ctrl+c++ to stop the event loop.
 * ```
 *
 * becomes `<span class="keys"><kbd class="key-control">Ctrl</kbd><span>+</span><kbd class="key-c">C</kbd></span>`,
 * with pymdownx's key names, aliases and labels; a quoted key (`++ctrl+"Any Key"++`) is printed
 * as written, without a class. When a key is unknown the whole `++…++` stays text, as in MkDocs.
 * A micromark syntax extension, so `++` inside code or escaped (`\++`) is left alone.
 */
export function remarkKeys(this: Processor, options: KeysOptions = {}) {
  const keys = createKeyReader(options);
  const data = this.data();
  (data.micromarkExtensions ??= []).push(keysSyntax(keys));
  (data.fromMarkdownExtensions ??= []).push(keysFromMarkdown(keys, options));
}

interface KeyReader {
  /** The keys of `++…++` content, or undefined when one of them is unknown. */
  read(source: string): ReadonlyArray<{ name: string | undefined; label: string }> | undefined;
}

function createKeyReader(options: KeysOptions): KeyReader {
  const labels: Record<string, string> = { ...KEY_LABELS, ...options.key_map };
  const normalise = (key: string) =>
    options.camel_case ? key.replace(/(?<=[^-])(\p{Lu})/gu, '-$1').toLowerCase() : key;
  return {
    read(source) {
      const result = [];
      for (const key of splitKeys(source)) {
        if (key.startsWith('"') || key.startsWith("'")) {
          result.push({ name: undefined, label: decodeQuoted(key.slice(1, -1)) });
          continue;
        }
        const normalised = normalise(key);
        const name = KEY_ALIASES[normalised] ?? normalised;
        const label = labels[name];
        if (label === undefined) return undefined;
        result.push({ name, label });
      }
      return result;
    },
  };
}

/** Splits `ctrl+"a+b"+c` at the `+` signs outside quotes. */
function splitKeys(source: string): string[] {
  return [...source.matchAll(/"(?:\\.|[^"])+"|'(?:\\.|[^'])+'|[^+]+/g)].map((match) => match[0]);
}

/** A quoted key's text: backslash escapes and HTML character references resolved, trimmed. */
function decodeQuoted(text: string): string {
  const unescaped = text.replace(/\\(.)/g, '$1');
  const decoded = unescaped.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? _;
  });
  return decoded.trim();
}

function isKeyCharacter(code: Code): boolean {
  return code !== null && code >= 0 && /[\p{L}\p{N}\p{M}_-]/u.test(String.fromCodePoint(code));
}

/** `++key+key++`: two pluses, keys joined by single pluses, two pluses; all on one line. */
function keysSyntax(keys: KeyReader): Extension {
  return { text: { [PLUS]: { name: 'pymdownxKeys', tokenize } } };

  function tokenize(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
    let source = '';
    let quote: Code = null;
    let opening = 0;
    return start;

    function start(code: Code): State | undefined {
      effects.enter('keys');
      effects.enter('keysSequence');
      return open(code);
    }

    function open(code: Code): State | undefined {
      if (code !== PLUS) return nok(code);
      effects.consume(code);
      if (++opening < 2) return open;
      effects.exit('keysSequence');
      effects.enter('keysValue');
      return keyStart;
    }

    function keyStart(code: Code): State | undefined {
      if (code !== null && QUOTES.has(code)) {
        quote = code;
        return consume(code, quotedStart);
      }
      if (isKeyCharacter(code)) return consume(code, word);
      return nok(code);
    }

    function word(code: Code): State | undefined {
      if (isKeyCharacter(code)) return consume(code, word);
      if (code === PLUS) return afterKey(code);
      return nok(code);
    }

    // An empty quoted key (`""`) is not a key.
    function quotedStart(code: Code): State | undefined {
      return code === quote ? nok(code) : quoted(code);
    }

    function quoted(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) return nok(code);
      if (code === 92) return consume(code, quotedEscape);
      if (code === quote) return consume(code, afterQuote);
      return consume(code, quoted);
    }

    function quotedEscape(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) return nok(code);
      return consume(code, quoted);
    }

    function afterQuote(code: Code): State | undefined {
      return code === PLUS ? afterKey(code) : nok(code);
    }

    // After a key: `+key` goes on, `++` ends. The value excludes the closing pluses.
    function afterKey(code: Code): State | undefined {
      effects.exit('keysValue');
      effects.enter('keysSequence');
      effects.consume(code);
      return afterPlus;
    }

    function afterPlus(code: Code): State | undefined {
      if (code === PLUS) {
        effects.consume(code);
        effects.exit('keysSequence');
        effects.exit('keys');
        return keys.read(source) ? ok : nok;
      }
      // A single plus joins two keys: it belongs to the value after all.
      const sequence = effects.exit('keysSequence');
      sequence.type = 'keysValue';
      source += '+';
      effects.enter('keysValue');
      return keyStart(code);
    }

    function consume(code: Code, next: State): State {
      source += String.fromCodePoint(code!);
      effects.consume(code);
      return next;
    }
  }
}

function keysFromMarkdown(keys: KeyReader, options: KeysOptions): FromMarkdownExtension {
  const separator = options.separator ?? '+';
  const className = (options.class ?? 'keys').split(' ').filter(Boolean);
  return {
    enter: {
      keys(this: CompileContext, token: Token) {
        this.enter({ type: 'keys', value: '' }, token);
      },
    },
    exit: {
      keys(this: CompileContext, token: Token) {
        const node = this.stack.at(-1);
        const source = this.sliceSerialize(token).slice(2, -2);
        this.exit(token);
        if (node?.type !== 'keys') return;
        node.value = source;
        node.data = {
          hName: options.strict ? 'kbd' : 'span',
          hProperties: className.length > 0 ? { className } : {},
          hChildren: keyElements(keys.read(source) ?? [], separator),
        };
      },
    },
  };
}

function keyElements(keys: ReadonlyArray<{ name: string | undefined; label: string }>, separator: string) {
  const children: ElementContent[] = [];
  for (const [index, key] of keys.entries()) {
    if (index > 0 && separator) children.push(h('span', separator));
    const kbd: Element = h('kbd', key.name ? { className: [`key-${key.name}`] } : {}, key.label);
    children.push(kbd);
  }
  return children;
}
