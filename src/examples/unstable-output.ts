import { normaliseOutput } from './match-output.ts';
import { outputDiff } from './output-diff.ts';

/** Changed lines shown at most; more are counted. */
const SHOWN_LINES = 5;

/**
 * What changes between two runs of an example, for a person to put `...` there: each changed
 * line as it was in both runs, and the line with its changing part written as `...`. When the
 * runs printed a different number of lines, the diff of one against the other.
 */
export function describeChanges(first: string, second: string): string {
  const a = normaliseOutput(first).split('\n');
  const b = normaliseOutput(second).split('\n');
  if (a.length !== b.length) {
    return `the two runs printed ${a.length} and ${b.length} lines:\n${outputDiff(first, second, ['first run', 'second run'])}`;
  }
  const changed = a.flatMap((line, index) => (line === b[index] ? [] : [index]));
  const shown = changed.slice(0, SHOWN_LINES).map((index) => {
    const [x, y] = [a[index]!, b[index]!];
    return `  line ${index + 1}: \`${x}\`, then \`${y}\`; write \`${withEllipsis(x, y)}\``;
  });
  const more = changed.length - shown.length;
  return [...shown, ...(more > 0 ? [`  and ${more} more line${more === 1 ? '' : 's'}`] : [])].join('\n');
}

/** `took 0.52 s` and `took 0.49 s` → `took ... s`: the common start and end, whole words kept whole. */
export function withEllipsis(x: string, y: string): string {
  const word = (char: string | undefined) => char !== undefined && /[\w.]/.test(char);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  while (start > 0 && word(x[start - 1]) && (word(x[start]) || word(y[start]))) start--;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x.at(-1 - end) === y.at(-1 - end)) end++;
  while (end > 0 && word(x.at(-end)) && (word(x.at(-1 - end)) || word(y.at(-1 - end)))) end--;
  return `${x.slice(0, start)}...${x.slice(x.length - end)}`;
}
