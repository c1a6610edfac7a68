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
 * True when `actual` is what `expected` describes, after normalising both. `...` matches any
 * text (as doctest's ELLIPSIS does); a line that is only `...` matches any run of lines, none included.
 */
export function outputMatches(expected: string, actual: string): boolean {
  const want = normaliseOutput(expected);
  const got = normaliseOutput(actual);
  if (!want.includes('...')) return want === got;
  return ellipsisPattern(want).test(got);
}

function ellipsisPattern(expected: string): RegExp {
  const lines = expected.split('\n');
  let source = '';
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (line.trim() === '...') {
      // Any run of whole lines, possibly none; at the end, any remaining text, the line break
      // before it included, so that a last `...` line matches nothing at all too.
      if (!last) source += '(?:[^\\n]*\\n)*?';
      else if (source.endsWith('\\n')) source = `${source.slice(0, -2)}(?:\\n[\\s\\S]*)?`;
      else source += '[\\s\\S]*';
      return;
    }
    source += line.split('...').map(escapeRegExp).join('[\\s\\S]*?');
    if (!last) source += '\\n';
  });
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
