/** The parsed meta string of a fenced code block: ```` ```ts title="Example 1" norun timeout=2s ````. */
export interface FenceMeta {
  title: string | undefined;
  /** Bare words such as `norun`, `throws`, `continue`. */
  flags: Set<string>;
  /** `key=value` pairs other than `title`, such as `timeout=2s`. */
  options: Map<string, string>;
}

const TOKEN = /([\w-]+)(?:=("([^"]*)"|'([^']*)'|\S+))?/g;

/** Parses a fence's meta string into its title, flags and options. */
export function parseFenceMeta(meta: string | null | undefined): FenceMeta {
  const result: FenceMeta = { title: undefined, flags: new Set(), options: new Map() };
  for (const match of (meta ?? '').matchAll(TOKEN)) {
    const [, key = '', raw, doubleQuoted, singleQuoted] = match;
    if (raw === undefined) {
      result.flags.add(key);
      continue;
    }
    const value = doubleQuoted ?? singleQuoted ?? raw;
    if (key === 'title') result.title = value;
    else result.options.set(key, value);
  }
  return result;
}
