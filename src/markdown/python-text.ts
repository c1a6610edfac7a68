/**
 * Python's string semantics that heading ids depend on, so that ids match the ones
 * Python-Markdown gives. Checked against Python 3.11 (Unicode 14) over every code point;
 * characters assigned after Unicode 14 may differ.
 */

/** Python's `\s` and `str.isspace()`: JavaScript's `\s` without U+FEFF, plus U+001C–U+001F and U+0085. */
export const PYTHON_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/** Python's `\w` on text: letters, numbers (every `\p{N}`) and the underscore; marks are not word characters. */
export const PYTHON_WORD = '\\p{L}\\p{N}_';

const EDGE_SPACE = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'gu');

/** Python's `str.strip()`. */
export function pythonStrip(text: string): string {
  return text.replace(EDGE_SPACE, '');
}

// Cherokee folds to its capital letters, the one script whose case folding goes that way.
const CHEROKEE = /[\u13a0-\u13f5\u13f8-\u13fd\uab70-\uabbf]/u;

/**
 * Python's `str.casefold()`: lower case, then the full folds (`ß` → `ss`, `ﬁ` → `fi`, final
 * sigma → `σ`). Folding a character is lower-casing its upper case, with three exceptions
 * (Cherokee, `ẞ`, dotless `ı`), as an exhaustive comparison with Python shows.
 */
export function pythonCasefold(text: string): string {
  let folded = '';
  for (const char of text) {
    if (char === 'ı') folded += char;
    else if (CHEROKEE.test(char)) folded += char.toUpperCase();
    else folded += char.toUpperCase().toLowerCase().replaceAll('ß', 'ss');
  }
  return folded;
}

const ALWAYS_SAFE = /^[A-Za-z0-9_.\-~/]$/;

/** Python's `urllib.parse.quote(text.encode('utf-8'))`: UTF-8 bytes, `%XX` for all but `A-Za-z0-9_.-~/`. */
export function pythonQuote(text: string): string {
  let quoted = '';
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    quoted +=
      byte < 0x80 && ALWAYS_SAFE.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return quoted;
}

/** Escapes `text` for use inside a regular expression's character class, each character taken literally. */
export function classEscape(text: string): string {
  return text.replace(/[\\\]\[^-]/g, '\\$&');
}
