import { visit } from 'yaml';
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
    const overflow = /call stack/i.test(yamlError.message);
    // Where the parser ran out of stack depends on the machine: the field it was reading is the place.
    const { line, column } = toFilePosition(
      block,
      overflow ? fieldStart(block.yaml, yamlError.pos[0]) : yamlError.pos[0],
    );
    const firstLine = yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    // `yaml` gives up on lists and mappings nested thousands deep with the engine's own words.
    const reason = overflow ? 'its lists or mappings nest too deeply to read' : (firstLine ?? 'invalid YAML');
    const hint = /\btabs?\b/i.test(reason)
      ? '; indent with spaces'
      : /\t/.test(block.yaml)
        ? '; YAML does not allow tabs for indentation, use spaces'
        : '';
    at(line, column, 'frontmatter-yaml', `the frontmatter is not valid YAML: ${reason}${hint}`);
    return undefined;
  }
  const read = toJsOrAliasBomb(block);
  if ('alias' in read) {
    const { line, column } = toFilePosition(block, read.offset);
    at(
      line,
      column,
      'frontmatter-yaml',
      `the frontmatter's aliases (\`*${read.alias}\`…) expand to more than ${MAX_ALIAS_COUNT} copies of their values; write the values out instead`,
    );
    return undefined;
  }
  const raw = read.value;
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

/** How many times the frontmatter may repeat aliased values: `yaml`'s own default, named here. */
const MAX_ALIAS_COUNT = 100;

/** The offset of the start of the top-level field that holds `offset`: the last unindented line at or before it. */
function fieldStart(yaml: string, offset: number): number {
  let start = yaml.lastIndexOf('\n', Math.max(offset - 1, 0)) + 1;
  while (start > 0 && /^[\s#]/.test(yaml.slice(start, start + 1)))
    start = yaml.lastIndexOf('\n', start - 2) + 1;
  return start;
}

/** The block as plain data, or, when its aliases expand past {@link MAX_ALIAS_COUNT} (a "billion laughs"), where the first alias is. */
function toJsOrAliasBomb(block: FrontmatterBlock): { value: unknown } | { alias: string; offset: number } {
  try {
    return { value: block.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {} };
  } catch (error) {
    // `yaml` refuses such aliases with a ReferenceError: the author's mistake, to be reported.
    if (!(error instanceof ReferenceError)) throw error;
    let first = { alias: '…', offset: 0 };
    visit(block.document, {
      Alias(_, node) {
        first = { alias: node.source, offset: node.range?.[0] ?? 0 };
        return visit.BREAK;
      },
    });
    return first;
  }
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
