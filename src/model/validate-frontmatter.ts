import type { z } from 'zod';
import { frontmatterSchema, type Frontmatter } from './frontmatter.ts';
import type { LoadProblem } from './load-problems.ts';
import {
  positionOfField,
  toFilePosition,
  type FrontmatterBlock,
  type FrontmatterPlaces,
} from './split-frontmatter.ts';

/** Validates a frontmatter block against the schema; returns the data, or undefined with the problems found. */
export function validateFrontmatter(
  block: FrontmatterBlock,
  places: FrontmatterPlaces,
  problems: LoadProblem[],
): Frontmatter | undefined {
  const at = (line: number, column: number, kind: LoadProblem['kind'], message: string) =>
    problems.push({ kind, line, column, message });
  const yamlError = block.document.errors[0];
  if (yamlError) {
    const { line, column } = toFilePosition(block, yamlError.pos[0]);
    const reason =
      yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    const hint = /\btabs?\b/i.test(reason)
      ? '; indent with spaces'
      : /\t/.test(block.yaml)
        ? '; YAML does not allow tabs for indentation, use spaces'
        : '';
    at(line, column, 'frontmatter-yaml', `the frontmatter is not valid YAML: ${reason}${hint}`);
    return undefined;
  }
  const raw: unknown = block.document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    at(
      block.startLine,
      1,
      'frontmatter-field',
      `the frontmatter must be \`field: value\` lines, such as \`title: …\`; found ${describeValue(raw)}`,
    );
    return undefined;
  }
  const result = frontmatterSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    const { line, column } = positionOfField(places, field || undefined);
    at(line, column, 'frontmatter-field', describeIssue(issue, raw as Record<string, unknown>));
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  const fieldPath = issue.path.map(String).join('.');
  const field = String(issue.path[0] ?? '');
  if (field && !(field in raw)) return `\`${fieldPath}\` is missing: ${issue.message}`;
  const found = 'input' in issue ? issue.input : undefined;
  return `\`${fieldPath}\`: ${issue.message}, found ${describeValue(found)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (value instanceof Date) return `the date \`${value.toISOString().slice(0, 10)}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}
