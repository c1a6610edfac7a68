/** Whether `code` uses `name` as a word of its own. */
export function mentions(code: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(name)}(?![\\p{L}\\p{N}_$])`, 'u').test(code);
}

/**
 * Whether `code` looks like it defines `name`: a `def`, `class`, `function` or declaration of it,
 * an assignment to it, or an import of it. Only to name the block in a message; a run decides.
 */
export function defines(code: string, name: string): boolean {
  const word = escapeRegExp(name);
  return new RegExp(
    `(?:\\b(?:def|class|function\\*?|const|let|var|import)\\s+${word}\\b|^\\s*${word}\\s*(?::[^=]*)?=[^=]|\\bimport\\b[^\\n]*\\b${word}\\b)`,
    'm',
  ).test(code);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
