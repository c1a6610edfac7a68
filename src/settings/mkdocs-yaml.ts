import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Tags,
} from 'yaml';

/** A place in a YAML file, 1-based, as editors show it. */
export interface YamlPlace {
  line: number;
  column: number;
}

/** A path into the loaded value: map keys and list indexes. */
export type YamlPath = readonly (string | number)[];

/** `mkdocs.yml` as MkDocs' YAML loader reads it, with the place of every key and value. */
export interface LoadedYaml {
  value: unknown;
  /** Where the key at `path` is written (a list item: where it starts). */
  keyAt(path: YamlPath): YamlPlace | undefined;
  /** Where the value at `path` starts. */
  valueAt(path: YamlPath): YamlPlace | undefined;
  /** Tags that mean nothing here, with where they are, e.g. `!custom` or `!!python/object:x`. */
  unknownTags: { path: YamlPath; tag: string; place: YamlPlace }[];
}

/** The YAML is not valid, or a tag cannot be read; `place` says where. */
export class YamlError extends Error {
  override name = 'YamlError';
  readonly place: YamlPlace;
  constructor(message: string, place: YamlPlace) {
    super(message);
    this.place = place;
  }
}

const PYTHON_TAG = 'tag:yaml.org,2002:python/';
const BOOL_TAG = 'tag:yaml.org,2002:bool';

/**
 * YAML 1.1 as PyYAML resolves it: `y` and `n` stay text (the `yaml` package reads them as
 * booleans, which would turn a key `y:` into `true`).
 */
function pyyamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== BOOL_TAG || !('test' in tag) || !tag.test) return tag;
    const words = tag.test.test('true')
      ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/
      : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
    return { ...tag, test: words };
  });
}
const ENV_TAG = '!ENV';
const RELATIVE_TAG = '!relative';

/**
 * Loads YAML as MkDocs does (PyYAML, YAML 1.1: `yes` is true, `<<` merges, a repeated key
 * wins), keeping the tags MkDocs' loader understands in a form the settings can carry:
 * - `!ENV VAR` and `!ENV [VAR, OTHER, fallback]`: the first variable set in `env`, typed as
 *   YAML would type it, else the fallback (else `null`);
 * - `!!python/name:a.b`: the text `'!!python/name:a.b'`;
 * - `!!python/object/apply:a.b {kwds: …}` (and other `!!python/…` with a value):
 *   `{ '!!python/object/apply:a.b': {kwds: …} }`;
 * - `!relative $config_dir`: the folder of the file (`configDir`); other `!relative` forms
 *   stay text such as `'!relative $docs_dir'`, for the reader to resolve;
 * - any other tag: kept the same way (text `'!tag value'`, or `{ '!tag': value }`) and listed.
 */
export function loadMkdocsYaml(
  text: string,
  options: { env: Readonly<Record<string, string | undefined>>; configDir: string },
): LoadedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.1',
    customTags: pyyamlTags,
    lineCounter: lines,
    uniqueKeys: false,
    merge: false,
  });
  const error = doc.errors[0];
  if (error) {
    const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    throw new YamlError(
      `the YAML is not valid: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
      { line, column },
    );
  }
  const keys = new Map<string, YamlPlace>();
  const values = new Map<string, YamlPlace>();
  const unknownTags: LoadedYaml['unknownTags'] = [];
  const place = (node: YamlNode | Pair['key'] | null | undefined): YamlPlace | undefined => {
    const offset = (node as { range?: [number, number, number] } | null | undefined)?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };

  const convert = (node: unknown, path: YamlPath, keyPlace: YamlPlace | undefined): unknown => {
    if (isAlias(node)) return convert(node.resolve(doc as Document), path, keyPlace);
    const at = JSON.stringify(path);
    const here = place(node as YamlNode);
    if (here) values.set(at, here);
    if (keyPlace ?? here) keys.set(at, (keyPlace ?? here)!);
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag === ENV_TAG) return environmentValue(node, options.env, here ?? { line: 1, column: 1 });
    if (isScalar(node)) {
      if (tag === undefined || (tag.startsWith('tag:yaml.org,2002:') && !tag.startsWith(PYTHON_TAG)))
        return node.value;
      const written = node.value === null || node.value === undefined ? '' : String(node.value);
      if (tag === RELATIVE_TAG && written.trim() === '$config_dir') return options.configDir;
      const short = shortTag(tag);
      if (!short.startsWith('!!python/name:') && tag !== RELATIVE_TAG)
        unknownTags.push({ path, tag: short, place: here ?? { line: 1, column: 1 } });
      return written === '' ? short : `${short} ${written}`;
    }
    let value: unknown;
    if (isSeq(node)) {
      value = node.items.map((item, index) => convert(item, [...path, index], undefined));
    } else if (isMap(node)) {
      const result: Record<string, unknown> = {};
      const merged: Record<string, unknown>[] = [];
      for (const pair of node.items) {
        // A plain `<<` is YAML 1.1's merge key (the parser gives it a symbol); a quoted one is text.
        if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
          const source = convert(pair.value, path, undefined);
          merged.push(...(Array.isArray(source) ? source : [source]).filter(isRecord));
          continue;
        }
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        result[key] = convert(pair.value, [...path, key], place(pair.key as YamlNode));
      }
      // Merged keys never override the map's own, and an earlier merged map wins over a later one.
      for (const source of merged)
        for (const [key, item] of Object.entries(source)) if (!(key in result)) result[key] = item;
      value = result;
    } else {
      value = null;
    }
    if (tag === undefined || (tag.startsWith('tag:yaml.org,2002:') && !tag.startsWith(PYTHON_TAG)))
      return value;
    const short = shortTag(tag);
    if (!short.startsWith('!!python/'))
      unknownTags.push({ path, tag: short, place: here ?? { line: 1, column: 1 } });
    return { [short]: value };
  };

  return {
    value: convert(doc.contents, [], undefined),
    keyAt: (path) => keys.get(JSON.stringify(path)),
    valueAt: (path) => values.get(JSON.stringify(path)),
    unknownTags,
  };
}

/** `!ENV`: the first of the named variables that is set, typed as YAML types a plain value; else the fallback. */
function environmentValue(
  node: unknown,
  env: Readonly<Record<string, string | undefined>>,
  here: YamlPlace,
): unknown {
  let names: string[];
  let fallback: unknown = null;
  if (isScalar(node)) {
    names = [String(node.value ?? '')];
  } else if (isSeq(node)) {
    const items = node.items.map((item) => (isScalar(item) ? item : undefined));
    if (items.length > 1) {
      const last = node.items.at(-1);
      fallback = isScalar(last) ? last.value : ((last as { toJSON?: () => unknown })?.toJSON?.() ?? null);
      items.pop();
    }
    names = items.map((item) => String(item?.value ?? ''));
  } else {
    throw new YamlError('`!ENV` expects a variable name or a list of names and a fallback', here);
  }
  for (const name of names) {
    const value = env[name];
    if (value !== undefined) return plainScalar(value);
  }
  return fallback;
}

/** What YAML 1.1 makes of `text` written as a plain scalar: `true`, `42`, `null`, else the text. */
function plainScalar(text: string): unknown {
  const doc = parseDocument(text, { version: '1.1', customTags: pyyamlTags });
  const contents = doc.contents;
  if (
    doc.errors.length === 0 &&
    isScalar(contents) &&
    contents.range?.[0] === 0 &&
    contents.range[1] === text.length
  )
    return contents.value;
  return text;
}

/** `tag:yaml.org,2002:python/name:x` → `!!python/name:x`; local tags stay as written. */
function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
