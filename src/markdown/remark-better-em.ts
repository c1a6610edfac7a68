import { attention } from 'micromark-core-commonmark';
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Code, Construct, State, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';

/** The options of `pymdownx.betterem` as `mkdocs.yml` gives them. */
export interface BetterEmOptions {
  /** Which markers are "smart" (never inside a word): `underscore` (the default), `asterisk`, `all` or `none`. */
  smart_enable?: string;
}

const ASTERISK = 42;
const UNDERSCORE = 95;
/** micromark's character groups (`micromark-util-classify-character`). */
const PUNCTUATION = 2;

/**
 * pymdownx.betterem: which emphasis markers are "smart", that is, open only at the start of a
 * word and close only at its end.
 *
 * ```md
 * 2*3*4 and **bold**text    →  with `smart_enable: all` (Material's setting): text, as typed
 * 2*3*4 and **bold**text    →  without it: 2<em>3</em>4 and <strong>bold</strong>text
 * snake_case_name           →  text either way, unless `smart_enable` leaves underscores out
 * ```
 *
 * CommonMark's underscore is smart and its asterisk is not, as in Python-Markdown; this gives
 * a marker that `smart_enable` names the underscore's rules, and one that it leaves out the
 * asterisk's. It replaces micromark's emphasis construct with one that classifies the markers
 * so, and resolves them as micromark does.
 */
export function remarkBetterEm(this: Processor, options: BetterEmOptions = {}) {
  const smart = options.smart_enable ?? 'underscore';
  const smartMarkers = new Set(
    smart === 'all'
      ? [ASTERISK, UNDERSCORE]
      : smart === 'asterisk'
        ? [ASTERISK]
        : smart === 'underscore'
          ? [UNDERSCORE]
          : [],
  );
  const construct: Construct = {
    name: 'pymdownxBetterEm',
    tokenize: tokenizer(smartMarkers),
    resolveAll: attention.resolveAll!,
  };
  const data = this.data();
  (data.micromarkExtensions ??= []).push({
    text: { [ASTERISK]: construct, [UNDERSCORE]: construct },
    disable: { null: ['attention'] },
  });
}

/** micromark's emphasis sequence, with each marker's rules chosen by whether it is smart. */
function tokenizer(smartMarkers: ReadonlySet<number>): Tokenizer {
  return function (this: TokenizeContext, effects, ok) {
    const markers = this.parser.constructs.attentionMarkers.null ?? [];
    const previous = this.previous;
    const before = classifyCharacter(previous);
    let marker: Code;
    return start;

    function start(code: Code): State | undefined {
      marker = code;
      effects.enter('attentionSequence');
      return inside(code);
    }

    function inside(code: Code): State | undefined {
      if (code === marker) {
        effects.consume(code);
        return inside;
      }
      const token = effects.exit('attentionSequence');
      const after = classifyCharacter(code);
      // Other constructs' markers (`~`, `=`, `^`) count as punctuation-like neighbours.
      const isOther = (neighbour: Code) =>
        neighbour !== null &&
        markers.includes(neighbour) &&
        neighbour !== ASTERISK &&
        neighbour !== UNDERSCORE;
      const open = !after || (after === PUNCTUATION && before) || isOther(code);
      const close = !before || (before === PUNCTUATION && after) || isOther(previous);
      const smart = marker !== null && smartMarkers.has(marker);
      token._open = Boolean(smart ? open && (before || !close) : open);
      token._close = Boolean(smart ? close && (after || !open) : close);
      return ok(code);
    }
  };
}
