import { createTwoFilesPatch } from 'diff';
import { normaliseOutput } from './match-output.ts';

/**
 * A unified diff of two outputs, `-` lines from the first and `+` lines from the second, its two
 * header lines naming them (`--- expected`, `+++ actual` unless told otherwise); indented by two.
 */
export function outputDiff(
  expected: string,
  actual: string,
  labels: readonly [string, string] = ['expected', 'actual'],
): string {
  const patch = createTwoFilesPatch(
    labels[0],
    labels[1],
    `${normaliseOutput(expected)}\n`,
    `${normaliseOutput(actual)}\n`,
    '',
    '',
    { context: 3 },
  );
  // Past the `=====` separator line: the `---` and `+++` lines name the sides.
  return patch
    .split('\n')
    .slice(1)
    .filter((line) => line !== '' && !line.startsWith('\\'))
    .map((line) => `  ${line}`)
    .join('\n');
}
