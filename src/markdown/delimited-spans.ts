import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import { markdownLineEndingOrSpace, unicodeWhitespace } from 'micromark-util-character';
import { splice } from 'micromark-util-chunked';
import { resolveAll } from 'micromark-util-resolve-all';
import type {
  Code,
  Construct,
  Event,
  Extension,
  State,
  Token,
  TokenizeContext,
  Tokenizer,
} from 'micromark-util-types';
import './mdast-inline.ts';

/** The mdast nodes that a pair of marker runs can make. */
export type DelimitedNode = 'mark' | 'insert' | 'superscript' | 'delete' | 'subscript';

/** What a pair of marker runs of one length makes, and when a run may open or close it. */
export interface DelimiterKind {
  /** The length of the run that opens and closes it (`^` is 1, `^^` is 2, `^^^` is 3). */
  size: 1 | 2 | 3;
  /** The nodes it makes, outermost first: `^^^x^^^` makes an insert holding a superscript. */
  nodes: DelimitedNode[];
  /** pymdownx's "smart" rule: the run opens only at the start of a word and closes only at its end. */
  smart: boolean;
  /** The text between the runs may hold no whitespace (pymdownx's superscript and subscript). */
  noWhitespace: boolean;
}

/** The marker character whose runs the syntax reads. */
export type DelimiterMarker = '=' | '^' | '~';

const SEQUENCE = {
  '=': { temporary: 'equalsSequenceTemporary', final: 'equalsSequence' },
  '^': { temporary: 'caretSequenceTemporary', final: 'caretSequence' },
  '~': { temporary: 'tildeSequenceTemporary', final: 'tildeSequence' },
} as const;

const SPAN = {
  mark: 'pymdownxMark',
  insert: 'pymdownxInsert',
  superscript: 'pymdownxSuperscript',
  delete: 'pymdownxDelete',
  subscript: 'pymdownxSubscript',
} as const;

const HTML_TAG: Record<DelimitedNode, string> = {
  mark: 'mark',
  insert: 'ins',
  superscript: 'sup',
  delete: 'del',
  subscript: 'sub',
};

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    equalsSequenceTemporary: 'equalsSequenceTemporary';
    equalsSequence: 'equalsSequence';
    caretSequenceTemporary: 'caretSequenceTemporary';
    caretSequence: 'caretSequence';
    tildeSequenceTemporary: 'tildeSequenceTemporary';
    tildeSequence: 'tildeSequence';
    pymdownxMark: 'pymdownxMark';
    pymdownxInsert: 'pymdownxInsert';
    pymdownxSuperscript: 'pymdownxSuperscript';
    pymdownxDelete: 'pymdownxDelete';
    pymdownxSubscript: 'pymdownxSubscript';
    pymdownxSpanText: 'pymdownxSpanText';
  }
}

/**
 * A micromark extension for text between two runs of one marker, as pymdownx's `mark`,
 * `caret` and `tilde` read it (`==mark==`, `^^insert^^`, `^sup^`, `~~delete~~`, `~sub~`).
 *
 * Built like GFM strikethrough: the tokenizer marks each run of markers as one that may
 * open or close, and a resolver pairs them once the whole paragraph is read. Code spans,
 * autolinks, HTML and escaped markers (`\=`) are read first, so markers inside them never
 * count. Pairing follows pymdownx's regular expressions rather than CommonMark's
 * emphasis rules: an opening run takes the first closing run of the same length after it.
 */
export function delimiterSyntax(marker: DelimiterMarker, kinds: readonly DelimiterKind[]): Extension {
  const code = marker.charCodeAt(0);
  const { temporary, final } = SEQUENCE[marker];
  const bySize = new Map(kinds.map((kind) => [kind.size as number, kind]));
  // The characters around each run, for when a run is cut into single markers (per parser, not global).
  const runSides = new WeakMap<Token, { before: Code; after: Code }>();
  const construct: Construct = { name: `pymdownx${marker}`, tokenize, resolveAll: resolveAllPairs };
  return {
    text: { [code]: construct },
    insideSpan: { null: [construct] },
    attentionMarkers: { null: [code] },
  };

  function tokenize(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
    const previous = this.previous;
    const events = this.events;
    let size = 0;
    return start;

    function start(next: Code): State | undefined {
      // A run starts at its first marker; an escaped marker before it is not part of it.
      if (previous === code && events.at(-1)?.[1].type !== 'characterEscape') return nok(next);
      effects.enter(temporary);
      return more(next);
    }

    function more(next: Code): State | undefined {
      if (next === code) {
        effects.consume(next);
        size++;
        return more;
      }
      const kind = bySize.get(size);
      // Runs of another length may still hold one-marker spans (see splitLeftovers).
      if (!kind && !bySize.has(1)) return nok(next);
      const token = effects.exit(temporary);
      token._open = kind ? canOpen(kind, previous, next) : false;
      token._close = kind ? canClose(kind, previous, next) : false;
      runSides.set(token, { before: previous, after: next });
      return ok(next);
    }
  }

  function resolveAllPairs(events: Event[], context: TokenizeContext): Event[] {
    pairAll(events, context);
    // pymdownx tries its one-marker pattern at every marker that a longer pattern left, so
    // `^^in^^side` (no smart insert) is `<sup>^in</sup>^side`: runs left over become single markers.
    if (bySize.has(1) && splitLeftovers(events)) pairAll(events, context);
    for (const event of events) if (event[1].type === temporary) event[1].type = 'data';
    return events;
  }

  function pairAll(events: Event[], context: TokenizeContext): void {
    let index = -1;
    while (++index < events.length) {
      const opener = events[index]!;
      if (opener[0] !== 'enter' || opener[1].type !== temporary || !opener[1]._open) continue;
      const open = index;
      const openToken = opener[1];
      const size = length(openToken);
      const kind = bySize.get(size);
      if (!kind) continue;
      const close = events.findIndex(
        (event, at) =>
          at > open + 1 &&
          event[0] === 'enter' &&
          event[1].type === temporary &&
          event[1]._close === true &&
          length(event[1]) === size &&
          event[1].start.offset > openToken.end.offset,
      );
      if (close === -1) continue;
      const closeToken = events[close]![1];
      const between = context.sliceSerialize({ start: openToken.end, end: closeToken.start });
      if (kind.noWhitespace && hasWhitespace(between)) continue;
      const next = wrap(kind, openToken, closeToken, events.slice(open + 2, close), context);
      splice(events, open, close + 2 - open, next);
      index = open + next.length - 1;
    }
  }

  /** Cuts every unpaired run of two or more markers into one-marker runs; true when it cut one. */
  function splitLeftovers(events: Event[]): boolean {
    let split = false;
    for (let index = events.length - 1; index >= 0; index--) {
      const [kind, token, context] = events[index]!;
      const sides = runSides.get(token);
      if (kind !== 'enter' || token.type !== temporary || length(token) < 2 || !sides) continue;
      if (token.start._bufferIndex < 0) continue;
      const singles: Event[] = [];
      const count = length(token);
      for (let at = 0; at < count; at++) {
        const single: Token = {
          type: temporary,
          start: shift(token.start, at),
          end: shift(token.start, at + 1),
          // A neighbour inside the run is a marker, which is never whitespace.
          _open: at < count - 1 || !isWhitespace(sides.after),
          _close: at > 0 || !isWhitespace(sides.before),
        };
        singles.push(['enter', single, context], ['exit', single, context]);
      }
      splice(events, index, 2, singles);
      split = true;
    }
    return split;
  }

  function wrap(
    kind: DelimiterKind,
    openToken: Token,
    closeToken: Token,
    inside: Event[],
    context: TokenizeContext,
  ) {
    openToken.type = final;
    closeToken.type = final;
    const spans = kind.nodes.map((node): Token => ({
      type: SPAN[node],
      start: { ...openToken.start },
      end: { ...closeToken.end },
    }));
    const text: Token = {
      type: 'pymdownxSpanText',
      start: { ...openToken.end },
      end: { ...closeToken.start },
    };
    const insideSpan = context.parser.constructs.insideSpan.null;
    const events: Event[] = [
      ...spans.map((span): Event => ['enter', span, context]),
      ['enter', openToken, context],
      ['exit', openToken, context],
      ['enter', text, context],
    ];
    splice(events, events.length, 0, insideSpan ? resolveAll(insideSpan, inside, context) : inside);
    splice(events, events.length, 0, [
      ['exit', text, context],
      ['enter', closeToken, context],
      ['exit', closeToken, context],
      ...spans.reverse().map((span): Event => ['exit', span, context]),
    ]);
    return events;
  }
}

/** Turns the span tokens of {@link delimiterSyntax} into mdast nodes rendered with their HTML tag. */
export function delimiterFromMarkdown(): FromMarkdownExtension {
  const enter: NonNullable<FromMarkdownExtension['enter']> = {};
  const exit: NonNullable<FromMarkdownExtension['exit']> = {};
  for (const [node, tokenType] of Object.entries(SPAN) as [DelimitedNode, (typeof SPAN)[DelimitedNode]][]) {
    enter[tokenType] = function (this: CompileContext, token: Token) {
      this.enter({ type: node, children: [], data: { hName: HTML_TAG[node] } }, token);
    };
    exit[tokenType] = function (this: CompileContext, token: Token) {
      this.exit(token);
    };
  }
  // Like emphasis, the spans may hold line endings (`==one⏎line==`).
  return { enter, exit, canContainEols: [...Object.keys(SPAN)] };
}

/** Whitespace in the source between two runs; an escaped space (`\\ `) does not count. */
function hasWhitespace(source: string): boolean {
  return /\s/u.test(source.replace(/\\[^\r\n]/g, 'x'));
}

/** The point `by` characters after `point`, on the same line and in the same chunk. */
function shift(point: Token['start'], by: number): Token['start'] {
  return {
    ...point,
    column: point.column + by,
    offset: point.offset + by,
    _bufferIndex: point._bufferIndex + by,
  };
}

function length(token: Token): number {
  return token.end.offset - token.start.offset;
}

function isWhitespace(code: Code): boolean {
  return code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code);
}

/** Python's `\w` (letters, digits, marks, underscore), which the smart rules test for. */
function isWordCharacter(code: Code): boolean {
  return code !== null && code >= 0 && /[\p{L}\p{N}\p{M}_]/u.test(String.fromCodePoint(code));
}

/** pymdownx's smart runs may touch `_` but no other word character: `_==x==_`, not `a==x==`. */
function atWordEdge(code: Code): boolean {
  return code === 95 || !isWordCharacter(code);
}

function canOpen(kind: DelimiterKind, before: Code, after: Code): boolean {
  return !isWhitespace(after) && (!kind.smart || atWordEdge(before));
}

function canClose(kind: DelimiterKind, before: Code, after: Code): boolean {
  return !isWhitespace(before) && (!kind.smart || atWordEdge(after));
}
