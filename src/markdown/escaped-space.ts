import type { Code, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';

/**
 * A micromark extension that reads `\ ` as an escaped space, as Python-Markdown does once
 * pymdownx's superscript or subscript is on (`^a\ b^` is a superscript with a space in it).
 * CommonMark leaves the backslash; here it is an escape, so the space does not end the span.
 */
export function escapedSpaceSyntax(): Extension {
  return { text: { [92]: { name: 'escapedSpace', tokenize } } };

  function tokenize(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
    return start;

    function start(code: Code): State | undefined {
      effects.enter('characterEscape');
      effects.enter('escapeMarker');
      effects.consume(code);
      effects.exit('escapeMarker');
      return space;
    }

    function space(code: Code): State | undefined {
      if (code !== 32) return nok(code);
      effects.enter('characterEscapeValue');
      effects.consume(code);
      effects.exit('characterEscapeValue');
      effects.exit('characterEscape');
      return ok;
    }
  }
}
