import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import {
  markdownLineEnding,
  markdownLineEndingOrSpace,
  markdownSpace,
  unicodeWhitespace,
} from 'micromark-util-character';
import type {
  Code,
  Construct,
  Extension,
  State,
  Token,
  TokenizeContext,
  Tokenizer,
} from 'micromark-util-types';
import './mdast-inline.ts';

/** Which of arithmatex's notations are on, as its `inline_syntax`, `block_syntax` and `smart_dollar` say. */
export interface ArithmatexSyntaxOptions {
  /** `dollar` (`$…$`) and `round` (`\(…\)`). */
  inline: ReadonlySet<string>;
  /** `dollar` (`$$…$$`), `square` (`\[…\]`) and `begin` (`\begin{env}…\end{env}`). */
  block: ReadonlySet<string>;
  /** `$` opens only before and closes only after a non-space (`$5 and $6` stays text). */
  smartDollar: boolean;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    arithmatexInline: 'arithmatexInline';
    arithmatexInlineMarker: 'arithmatexInlineMarker';
    arithmatexInlineValue: 'arithmatexInlineValue';
    arithmatexBlock: 'arithmatexBlock';
    arithmatexBlockValue: 'arithmatexBlockValue';
  }
}

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** The TeX of the block being read, from its syntax's match. */
    arithmatexBlockTex?: string | undefined;
  }
}

const DOLLAR = 36;
const BACKSLASH = 92;
const LEFT_PAREN = 40;
const RIGHT_PAREN = 41;
const LEFT_SQUARE = 91;
const LOWER_B = 98;
const GRAVE = 96;

/**
 * A micromark extension for math as pymdownx.arithmatex finds it.
 *
 * Inline, in text: `$…$` (with smart dollars: no space just inside the dollars) and
 * `\(…\)`; a backslash escapes the character after it, so `\$` never closes.
 * Blocks: a block (lines up to a blank line) that is, as a whole, `$$…$$`, `\[…\]` or
 * `\begin{env}…\end{env}`, as arithmatex's block processor tests each Python-Markdown
 * block. The block construct reads to the blank line and then tests the whole text, so a
 * block that only starts like math stays a paragraph. Inside math nothing is Markdown.
 */
export function arithmatexSyntax(options: ArithmatexSyntaxOptions): Extension {
  const text: Record<number, Construct> = {};
  if (options.inline.has('dollar'))
    text[DOLLAR] = { name: 'arithmatexDollar', tokenize: tokenizeDollar(options.smartDollar) };
  if (options.inline.has('round')) text[BACKSLASH] = { name: 'arithmatexRound', tokenize: tokenizeRound };
  const flow: Record<number, Construct> = {};
  const block = blockPattern(options.block);
  if (block) {
    const construct: Construct = { name: 'arithmatexBlock', tokenize: tokenizeBlock(block), concrete: true };
    if (options.block.has('dollar')) flow[DOLLAR] = construct;
    if (options.block.has('square') || options.block.has('begin')) flow[BACKSLASH] = construct;
  }
  return { text, flow };
}

/** Turns the math tokens into `inlineMath` and `math` nodes whose value is the TeX. */
export function arithmatexFromMarkdown(options: ArithmatexSyntaxOptions): FromMarkdownExtension {
  const block = blockPattern(options.block);
  return {
    enter: {
      arithmatexInline(this: CompileContext, token: Token) {
        const source = this.sliceSerialize(token);
        const tex = source.startsWith('$') ? source.slice(1, -1) : source.slice(2, -2);
        this.enter({ type: 'inlineMath', value: tex }, token);
      },
      arithmatexBlock(this: CompileContext, token: Token) {
        const match = block?.exec(this.sliceSerialize(token));
        const tex = match?.groups?.['dollar'] ?? match?.groups?.['square'] ?? match?.groups?.['begin'] ?? '';
        this.enter({ type: 'math', value: tex }, token);
      },
    },
    exit: {
      arithmatexInline(this: CompileContext, token: Token) {
        this.exit(token);
      },
      arithmatexBlock(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

/** Arithmatex's block expression for the syntaxes that are on; named groups hold the TeX. */
function blockPattern(syntaxes: ReadonlySet<string>): RegExp | undefined {
  const parts: string[] = [];
  if (syntaxes.has('dollar')) parts.push(String.raw`\$\$(?<dollar>(?:\\[\s\S]|[^\\])+?)\$\$`);
  if (syntaxes.has('square')) parts.push(String.raw`\\\[(?<square>(?:\\[^\]]|[^\\])+?)\\\]`);
  if (syntaxes.has('begin'))
    parts.push(String.raw`(?<begin>\\begin\{(?<env>[a-z]+\*?)\}(?:\\[\s\S]|[^\\])+?\\end\{\k<env>\})`);
  return parts.length > 0 ? new RegExp(`^(?:${parts.join('|')})[ ]*$`) : undefined;
}

function isWhitespace(code: Code): boolean {
  return code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code);
}

type StateMachine = (effects: Parameters<Tokenizer>[0], ok: State, nok: State) => State;

/** `$tex$`: a backslash escapes the next character; no `$` in between. */
function tokenizeDollar(smart: boolean) {
  return function (this: TokenizeContext, ...[effects, ok, nok]: Parameters<StateMachine>): State {
    let previous: Code = null;
    let size = 0;
    return start;

    function start(code: Code): State | undefined {
      effects.enter('arithmatexInline');
      effects.enter('arithmatexInlineMarker');
      effects.consume(code);
      effects.exit('arithmatexInlineMarker');
      return first;
    }

    function first(code: Code): State | undefined {
      if (code === DOLLAR || code === null || (smart && isWhitespace(code))) return nok(code);
      effects.enter('arithmatexInlineValue');
      return inside(code);
    }

    function inside(code: Code): State | undefined {
      if (code === null) return nok(code);
      if (code === DOLLAR) {
        if (size === 0 || (smart && isWhitespace(previous))) return nok(code);
        effects.exit('arithmatexInlineValue');
        effects.enter('arithmatexInlineMarker');
        effects.consume(code);
        effects.exit('arithmatexInlineMarker');
        effects.exit('arithmatexInline');
        return ok;
      }
      if (code === GRAVE) return effects.attempt(codeSpanInMath, afterCodeSpan, literal)(code);
      return step(code, code === BACKSLASH ? escaped : inside);
    }

    function afterCodeSpan(code: Code): State | undefined {
      previous = GRAVE;
      size++;
      return inside(code);
    }

    // Backticks with no closing run are plain characters of the TeX.
    function literal(code: Code): State | undefined {
      return code === GRAVE ? step(code, literal) : inside(code);
    }

    function escaped(code: Code): State | undefined {
      return code === null ? nok(code) : step(code, inside);
    }

    function step(code: Code, next: State): State | undefined {
      if (markdownLineEnding(code)) {
        effects.exit('arithmatexInlineValue');
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        effects.enter('arithmatexInlineValue');
      } else effects.consume(code);
      previous = code;
      size++;
      return next;
    }
  };
}

/** `\(tex\)`: a backslash pairs with the next character unless that is the closing `)`. */
function tokenizeRound(this: TokenizeContext, ...[effects, ok, nok]: Parameters<StateMachine>): State {
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('arithmatexInline');
    effects.enter('arithmatexInlineMarker');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== LEFT_PAREN) return nok(code);
    effects.consume(code);
    effects.exit('arithmatexInlineMarker');
    effects.enter('arithmatexInlineValue');
    return inside;
  }

  function inside(code: Code): State | undefined {
    if (code === null) return nok(code);
    if (code === GRAVE) return effects.attempt(codeSpanInMath, afterCodeSpan, literal)(code);
    if (code === BACKSLASH) {
      effects.consume(code);
      return afterBackslash;
    }
    return consume(code);
  }

  // `\)` closes (the value token keeps the backslash; the node's TeX is sliced from the source).
  function afterBackslash(code: Code): State | undefined {
    if (code === RIGHT_PAREN) {
      if (size === 0) return nok(code);
      effects.exit('arithmatexInlineValue');
      effects.enter('arithmatexInlineMarker');
      effects.consume(code);
      effects.exit('arithmatexInlineMarker');
      effects.exit('arithmatexInline');
      return ok;
    }
    return code === null ? nok(code) : consume(code);
  }

  function afterCodeSpan(code: Code): State | undefined {
    size++;
    return inside(code);
  }

  function literal(code: Code): State | undefined {
    if (code !== GRAVE) return inside(code);
    effects.consume(code);
    size++;
    return literal;
  }

  function consume(code: Code): State | undefined {
    if (markdownLineEnding(code)) {
      effects.exit('arithmatexInlineValue');
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      effects.enter('arithmatexInlineValue');
    } else effects.consume(code);
    size++;
    return inside;
  }
}

/**
 * A code span inside math, read whole: Python-Markdown reads code spans before math, so a
 * `$` inside one (`$5, see `$PRICE``) never closes the math. Its characters stay in the TeX,
 * as the code's placeholder stays in arithmatex's match.
 */
const codeSpanInMath: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    let opening = 0;
    let closing = 0;
    return open;

    function open(code: Code): State | undefined {
      if (code === GRAVE) {
        effects.consume(code);
        opening++;
        return open;
      }
      return inside(code);
    }

    function inside(code: Code): State | undefined {
      if (code === null) return nok(code);
      if (code === GRAVE) {
        closing = 0;
        return close(code);
      }
      if (markdownLineEnding(code)) {
        effects.exit('arithmatexInlineValue');
        effects.enter('lineEnding');
        effects.consume(code);
        effects.exit('lineEnding');
        effects.enter('arithmatexInlineValue');
      } else effects.consume(code);
      return inside;
    }

    function close(code: Code): State | undefined {
      if (code === GRAVE) {
        effects.consume(code);
        closing++;
        return close;
      }
      return closing === opening ? ok(code) : inside(code);
    }
  },
};

/** A block of lines up to a blank line (or the end of its container) that the pattern matches whole. */
function tokenizeBlock(pattern: RegExp) {
  return function (this: TokenizeContext, ...[effects, ok, nok]: Parameters<StateMachine>): State {
    const self = this;
    const begin = self.now();
    return start;

    function start(code: Code): State | undefined {
      // Python-Markdown tests whole blocks: math never interrupts a paragraph. Four spaces
      // make indented code; fewer are allowed (list items indent their content by four in
      // Python-Markdown, by the marker's width in CommonMark).
      const tail = self.events.at(-1);
      const indent = tail?.[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
      if (self.interrupt || indent >= 4) return nok(code);
      if (code === BACKSLASH) return effects.check(squareOrBegin, open, nok)(code);
      return open(code);
    }

    function open(code: Code): State | undefined {
      effects.enter('arithmatexBlock');
      effects.enter('arithmatexBlockValue');
      return chunk(code);
    }

    function chunk(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        effects.exit('arithmatexBlockValue');
        return code === null ? done(code) : effects.check(continuation, lineEnding, done)(code);
      }
      effects.consume(code);
      return chunk;
    }

    function lineEnding(code: Code): State | undefined {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      effects.enter('arithmatexBlockValue');
      return chunk;
    }

    function done(code: Code): State | undefined {
      if (!pattern.test(self.sliceSerialize({ start: begin, end: self.now() }))) return nok(code);
      effects.exit('arithmatexBlock');
      return ok(code);
    }
  };
}

/** After a line ending: the next line belongs to the block unless it is blank or lazy. */
const continuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const self = this;
    return start;

    function start(code: Code): State | undefined {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return lineStart;
    }

    function lineStart(code: Code): State | undefined {
      if (self.parser.lazy[self.now().line]) return nok(code);
      if (!markdownSpace(code)) return after(code);
      effects.enter('linePrefix');
      return prefix(code);
    }

    function prefix(code: Code): State | undefined {
      if (markdownSpace(code)) {
        effects.consume(code);
        return prefix;
      }
      effects.exit('linePrefix');
      return after(code);
    }

    function after(code: Code): State | undefined {
      return code === null || markdownLineEnding(code) ? nok(code) : ok(code);
    }
  },
};

/** `\[` or `\begin{`: the only backslash blocks; anything else is not worth reading to the blank line. */
const squareOrBegin: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const expected = 'begin{';
    let index = 0;
    return start;

    function start(code: Code): State | undefined {
      effects.enter('arithmatexBlockValue');
      effects.consume(code);
      return after;
    }

    function after(code: Code): State | undefined {
      if (code === LEFT_SQUARE) {
        effects.consume(code);
        effects.exit('arithmatexBlockValue');
        return ok;
      }
      return code === LOWER_B ? word(code) : nok(code);
    }

    function word(code: Code): State | undefined {
      if (code !== expected.charCodeAt(index)) return nok(code);
      effects.consume(code);
      if (++index < expected.length) return word;
      effects.exit('arithmatexBlockValue');
      return ok;
    }
  },
};
