import type { z } from 'zod';
import { closest } from '../core/did-you-mean.ts';

/**
 * One error map for every settings problem, whichever file it comes from. The map words
 * the problem (`expected …, received \`…\``); `formatIssue` puts the path in front, as
 * Starlight's `utils/error-map.ts` does: ``**runtimes.python**: expected a command, received `42` ``.
 */

/** Old names that settings still accept, by their new name's old spelling (`orphan` → `orphan-page`). */
export type KeyAliases = Readonly<Record<string, string>>;

// A longer list of accepted keys helps nobody in a one-line message.
const MAX_LISTED = 10;

/** What a value is, in words: the start of an `expected …` phrase. */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  tuple: 'a list',
  null: '`null`',
};

/** Makes the error map; `aliases` are old key names a did-you-mean may point past, to their new name. */
export function createSettingsErrorMap(aliases: KeyAliases = {}): z.core.$ZodErrorMap {
  const map: z.core.$ZodErrorMap = (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? `expected ${expectedType(issue.expected)}, received nothing`
          : `expected ${expectedType(issue.expected)}, received ${quote(issue.input)}`;
      case 'too_small':
        return `expected ${bound(issue.origin, 'at least', issue.minimum, issue.inclusive)}, received ${quote(issue.input)}`;
      case 'too_big':
        return `expected ${bound(issue.origin, 'at most', issue.maximum, issue.inclusive)}, received ${quote(issue.input)}`;
      case 'invalid_value': {
        const values = issue.values.map((value) => String(value));
        const hint = typeof issue.input === 'string' ? suggestion(issue.input, values, aliases) : '';
        return `expected ${values.length === 1 ? '' : 'one of '}${values.map(quote).join(', ')}, received ${quote(issue.input)}${hint}`;
      }
      case 'invalid_format':
        return `expected ${formatWords(issue.format, issue.pattern)}, received ${quote(issue.input)}`;
      case 'not_multiple_of':
        return `expected a multiple of ${issue.divisor}, received ${quote(issue.input)}`;
      case 'unrecognized_keys': {
        // One line per key, in the order of `keys`: `formatIssue` gives each its own path.
        const { keys: known, kind } = knownKeys(issue.inst);
        return issue.keys
          .map((key) => {
            const hint = suggestion(key, known, aliases);
            const list =
              hint || known.length === 0
                ? ''
                : known.length <= MAX_LISTED
                  ? `; expected one of ${known.map(quote).join(', ')}`
                  : kind === 'setting'
                    ? '; the settings are listed under "Configuration" in the README'
                    : '';
            return `unknown ${kind} ${quote(key)}${hint}${list}`;
          })
          .join('\n');
      }
      case 'invalid_union': {
        const alternatives = [
          ...new Set(
            issue.errors.map((branch) => branch[0]).flatMap((first) => (first ? [expectedOf(first)] : [])),
          ),
        ];
        return `expected ${alternatives.join(' or ') || 'another value'}, received ${quote(issue.input)}`;
      }
      case 'invalid_key':
      case 'invalid_element': {
        const first = issue.issues[0];
        return first ? first.message : `is not valid, received ${quote(issue.input)}`;
      }
      default:
        return `is not valid, received ${quote(issue.input)}`;
    }
  };
  return map;
}

/** One line per problem: ``**path**: message``, the received value added when the message lacks it. */
export function formatIssue(
  issue: z.core.$ZodIssue,
  label: (path: PropertyKey[]) => string = pathLabel,
): string[] {
  if (issue.code === 'unrecognized_keys') {
    const lines = issue.message.split('\n');
    return issue.keys.map(
      (key, index) => `**${label([...issue.path, key])}**: ${lines[index] ?? issue.message}`,
    );
  }
  const message = /\breceived\b/.test(issue.message)
    ? issue.message
    : `${issue.message}, received ${'input' in issue && issue.input !== undefined ? quote(issue.input) : 'nothing'}`;
  return [`**${label(issue.path)}**: ${message}`];
}

/** A settings path as people write it: `rules.orphan-page`, `runtimes.python.command.0`. */
export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(settings)';
}

/** A value in backticks as the person wrote it: text as is, anything else as JSON, long values cut. */
export function quote(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value || '""'
      : value === undefined
        ? 'undefined'
        : (JSON.stringify(value, null, 1) ?? String(value)).replace(/\n\s*/g, ' ');
  const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return shown.includes('`') ? `\`\` ${shown} \`\`` : `\`${shown}\``;
}

/** `; did you mean \`x\`?` for a near miss among `known`, an old alias pointing to its new name. */
export function suggestion(wanted: string, known: readonly string[], aliases: KeyAliases = {}): string {
  const candidates = [...known, ...Object.keys(aliases).filter((alias) => known.includes(aliases[alias]!))];
  // A word cut short (`warn` for `warning`) is as likely a slip as a typo.
  const extended = wanted.length >= 3 ? candidates.filter((candidate) => candidate.startsWith(wanted)) : [];
  const match = extended.length === 1 ? extended[0] : closest(wanted, candidates);
  if (match === undefined || match === wanted) return '';
  return `; did you mean ${quote(aliases[match] ?? match)}?`;
}

function expectedType(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return expectedType(issue.expected);
  if (issue.code === 'invalid_value') return issue.values.map(quote).join(' or ');
  return issue.message.replace(/^expected /, '').replace(/, received [\s\S]*$/, '');
}

function bound(origin: string, side: string, limit: number | bigint, inclusive: boolean | undefined): string {
  const more = side === 'at least' ? 'more than' : 'less than';
  const words = inclusive === false ? more : side;
  if (origin === 'string')
    return limit === 1 && side === 'at least' ? 'some text' : `${words} ${limit} characters`;
  if (origin === 'array' || origin === 'set') return `${words} ${limit} ${limit === 1 ? 'item' : 'items'}`;
  return `${words} ${limit}`;
}

function formatWords(format: string, pattern: string | undefined): string {
  if (format === 'url') return 'an address such as `https://example.org`';
  if (format === 'regex' && pattern) return `text matching \`${pattern}\``;
  return `a valid ${format}`;
}

/** The keys an object (settings) or an enum-keyed record (names) accepts, read from the schema that raised the issue. */
function knownKeys(inst: unknown): { keys: string[]; kind: string } {
  const def = (
    inst as { _zod?: { def?: { shape?: object; keyType?: { _zod?: { values?: Set<unknown> } } } } }
  )?._zod?.def;
  if (def?.shape) return { keys: Object.keys(def.shape), kind: 'setting' };
  const values = def?.keyType?._zod?.values;
  return { keys: values ? [...values].map(String) : [], kind: 'name' };
}
