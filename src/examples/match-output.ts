/** Line endings to `\n`, trailing spaces off every line, trailing blank lines off the end. */
export function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/**
 * A wildcard of the expected output: `text` is `...` inside a line (any text at all), `lines`
 * a line of only `...` between other lines or first (any run of whole lines, none included),
 * `tail` a last line of only `...` (nothing, or a line break and anything after it).
 */
type Wildcard = 'text' | 'lines' | 'tail';

/**
 * True when `actual` is what `expected` describes, after normalising both. `...` matches any
 * text (as doctest's ELLIPSIS does); a line that is only `...` matches any run of lines, none included.
 *
 * Like CPython's `_ellipsis_match`, the first and last literal pieces are anchored and each piece
 * between them is taken at its leftmost possible place: no backtracking, so the time grows with
 * the lengths of the texts, never exponentially with the number of `...`. Leftmost is always
 * right because a piece before a `...` line ends with a line break, so a later place for it
 * never lets the pieces after it fit where an earlier one would not.
 */
export function outputMatches(expected: string, actual: string): boolean {
  const want = normaliseOutput(expected);
  const got = normaliseOutput(actual);
  if (!want.includes('...')) return want === got;
  const { pieces, wildcards } = splitPattern(want);
  const count = wildcards.length;
  const first = pieces[0]!;
  const last = pieces[count]!;
  if (!got.startsWith(first) || !got.endsWith(last)) return false;
  const end = got.length - last.length;
  let position = first.length;
  if (end < position) return false;
  for (let index = 1; index < count; index++) {
    const piece = pieces[index]!;
    const after = index === count - 1 ? wildcards[count - 1] : undefined;
    const at = findPiece(got, piece, position, end, wildcards[index - 1]!, after);
    if (at < 0) return false;
    position = at + piece.length;
  }
  return fits(wildcards[count - 1]!, got, position, end);
}

/** The literal pieces of `want` and the wildcards between them (one more piece than wildcards). */
function splitPattern(want: string): { pieces: string[]; wildcards: Wildcard[] } {
  const lines = want.split('\n');
  const pieces: string[] = [''];
  const wildcards: Wildcard[] = [];
  const add = (text: string) => (pieces[pieces.length - 1] += text);
  const cut = (wildcard: Wildcard) => {
    wildcards.push(wildcard);
    pieces.push('');
  };
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (line.trim() === '...') {
      const previous = pieces.at(-1)!;
      if (!last) cut('lines');
      else if (previous.endsWith('\n')) {
        // The line break before a last `...` line belongs to it: it may match nothing at all.
        pieces[pieces.length - 1] = previous.slice(0, -1);
        cut('tail');
      } else cut('text');
      return;
    }
    line.split('...').forEach((part, partIndex) => {
      if (partIndex > 0) cut('text');
      add(part);
    });
    if (!last) add('\n');
  });
  return { pieces, wildcards };
}

/** Whether `got[from, to)` is text the wildcard may match. */
function fits(wildcard: Wildcard, got: string, from: number, to: number): boolean {
  if (wildcard === 'lines') return to === from || got[to - 1] === '\n';
  if (wildcard === 'tail') return to === from || got[from] === '\n';
  return true;
}

/**
 * The leftmost place at or after `from` where `piece` fits before `end`, given the wildcard before
 * it and, for the last piece between wildcards, the one after it; -1 when there is none.
 */
function findPiece(
  got: string,
  piece: string,
  from: number,
  end: number,
  before: Wildcard,
  after: Wildcard | undefined,
): number {
  // `indexOf('', n)` is `n` up to the text's length and stays there: the bound stops an empty piece.
  for (let at = got.indexOf(piece, from); at >= 0 && at + piece.length <= end;) {
    if (fits(before, got, from, at) && (!after || fits(after, got, at + piece.length, end))) return at;
    at = at < got.length ? got.indexOf(piece, at + 1) : -1;
  }
  return -1;
}
