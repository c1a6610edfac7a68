import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** An emoji (Unicode, drawn with Twemoji) or an icon (an SVG file) that a shortcode names. */
export type EmojiEntry =
  | { kind: 'emoji'; shortcode: string; text: string; file: string | undefined }
  | { kind: 'icon'; shortcode: string; file: string };

/** Which emoji names a shortcode may use: pymdownx's indexes, named after the art they came with. */
export type EmojiNames = 'twemoji' | 'emojione' | 'gemoji';

/** Options of {@link createEmojiIndex}. */
export interface EmojiIndexOptions {
  names: EmojiNames;
  /** Material's icon sets (`:material-…:`, `:fontawesome-…:`, `:octicons-…:`, `:simple-…:`). */
  icons: boolean;
  /** Folders of more icons (Material's `custom_icons`), searched before Material's sets. */
  customIconDirs: readonly string[];
}

/** Finds what shortcodes name; reads the name list on first use and each SVG only when asked. */
export interface EmojiIndex {
  lookup(shortcode: string): EmojiEntry | undefined;
}

const require = createRequire(import.meta.url);

/**
 * Emoji names come from emojibase's lists: JoyPixels' names are EmojiOne's, which
 * pymdownx's `twemoji` and `emojione` indexes use; GitHub's are gemoji's.
 */
const NAME_LISTS: Record<EmojiNames, string> = {
  twemoji: 'emojibase-data/en/shortcodes/joypixels.json',
  emojione: 'emojibase-data/en/shortcodes/joypixels.json',
  gemoji: 'emojibase-data/en/shortcodes/github.json',
};

/** Material's icon sets: the shortcode prefix and the folder of the package that draws them. */
function iconSets(): Array<{ prefix: string; dir: () => string }> {
  const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
  const once = (find: () => string) => {
    let dir: string | undefined;
    return () => (dir ??= find());
  };
  return [
    { prefix: 'material-', dir: once(() => path.join(packageDir('@mdi/svg'), 'svg')) },
    {
      prefix: 'fontawesome-',
      dir: once(() => path.join(packageDir('@fortawesome/fontawesome-free'), 'svgs')),
    },
    { prefix: 'octicons-', dir: once(() => path.join(packageDir('@primer/octicons'), 'build/svg')) },
    // simple-icons exports no package.json; its main file sits at the top of the package.
    { prefix: 'simple-', dir: once(() => path.join(path.dirname(require.resolve('simple-icons')), 'icons')) },
  ];
}

/** Creates the index that pymdownx.emoji's `emoji_index` names, for one build. */
export function createEmojiIndex(options: EmojiIndexOptions): EmojiIndex {
  let names: Map<string, string> | undefined;
  let custom: Map<string, string> | undefined;
  const sets = options.icons ? iconSets() : [];
  const found = new Map<string, EmojiEntry | undefined>();
  let twemoji: string | undefined;
  const twemojiDir = () => (twemoji ??= path.dirname(require.resolve('@twemoji/svg/package.json')));

  function emoji(name: string): EmojiEntry | undefined {
    names ??= readNames(NAME_LISTS[options.names]);
    const hex = names.get(name);
    if (hex === undefined) return undefined;
    const codepoints = hex.split('-').map((part) => Number.parseInt(part, 16));
    return {
      kind: 'emoji',
      shortcode: `:${name}:`,
      text: String.fromCodePoint(...codepoints),
      file: twemojiFile(twemojiDir(), codepoints),
    };
  }

  function icon(name: string): EmojiEntry | undefined {
    custom ??= indexCustomIcons(options.customIconDirs);
    const customFile = custom.get(name);
    if (customFile) return { kind: 'icon', shortcode: `:${name}:`, file: customFile };
    for (const set of sets) {
      if (!name.startsWith(set.prefix)) continue;
      const rest = name.slice(set.prefix.length);
      // Font Awesome's names carry their style folder: `fontawesome-brands-github`.
      const relative = set.prefix === 'fontawesome-' ? rest.replace('-', '/') : rest;
      if (!/^[\w-]+(\/[\w-]+)?$/.test(relative)) continue;
      const file = path.join(set.dir(), `${relative}.svg`);
      if (existsSync(file)) return { kind: 'icon', shortcode: `:${name}:`, file };
    }
    return undefined;
  }

  return {
    lookup(shortcode) {
      if (found.has(shortcode)) return found.get(shortcode);
      const name = shortcode.slice(1, -1);
      // As in Material's index, an emoji name wins over an icon of the same name.
      const entry = emoji(name) ?? icon(name);
      found.set(shortcode, entry);
      return entry;
    },
  };
}

function readNames(list: string): Map<string, string> {
  const data = JSON.parse(readFileSync(require.resolve(list), 'utf8')) as Record<string, string | string[]>;
  const names = new Map<string, string>();
  for (const [hex, value] of Object.entries(data))
    for (const name of Array.isArray(value) ? value : [value]) if (!names.has(name)) names.set(name, hex);
  return names;
}

/**
 * Twemoji's file for a sequence: code points in lower-case hex without leading zeros,
 * joined by `-`, with the variation selector U+FE0F dropped unless the sequence has a
 * zero-width joiner (and, for the few that Twemoji names otherwise, dropped anyway).
 */
function twemojiFile(dir: string, codepoints: number[]): string | undefined {
  const hex = (points: number[]) => points.map((point) => point.toString(16)).join('-');
  const withoutSelector = codepoints.filter((point) => point !== 0xfe0f);
  const candidates = codepoints.includes(0x200d)
    ? [hex(codepoints), hex(withoutSelector)]
    : [hex(withoutSelector)];
  return candidates.map((name) => path.join(dir, `${name}.svg`)).find((file) => existsSync(file));
}

/** Custom icons by shortcode name: `overrides/.icons/brand/logo.svg` is `brand-logo`. */
function indexCustomIcons(dirs: readonly string[]): Map<string, string> {
  const icons = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.svg')) continue;
      const name = entry.slice(0, -4).split(path.sep).join('-');
      if (!icons.has(name)) icons.set(name, path.join(dir, entry));
    }
  }
  return icons;
}
