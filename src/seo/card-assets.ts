import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CARD_COLOURS, CARD_GEOMETRY } from './card-layout.ts';
import { CARD_PNG_LEVEL } from './encode-png.ts';

/** What drawing a card needs besides its text: plain data, so that it can be posted to a worker thread. */
export interface CardAssets {
  /** Font files (absolute paths), each registered under its family name; the families are tried in order. */
  fonts: { file: string; family: string }[];
  /** The site's logo as SVG, drawn beside the footer. */
  logo: Uint8Array | undefined;
  /** Changes whenever anything that shapes a card's pixels changes: the cache key's prefix. */
  fingerprint: string;
}

/** Bump when the drawing code changes in a way the fingerprint cannot see, so that cached cards are drawn again. */
const TEMPLATE_VERSION = 3;

/**
 * Inter from `@fontsource/inter`, each Unicode range it ships (Latin, Cyrillic, Greek, Vietnamese),
 * at the two weights a card uses. A character none of them has comes from an installed font.
 */
const INTER_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];
const WEIGHTS = [400, 700];

/** The packages whose code or files draw a card: their versions are part of the fingerprint. */
const DRAWING_PACKAGES = ['@napi-rs/canvas', '@fontsource/inter'];

/** Finds the fonts and reads the logo (`public/favicon.svg`) of the project at `root`. */
export async function loadCardAssets(root: string): Promise<CardAssets> {
  const require = createRequire(path.join(root, 'package.json'));
  const fonts = INTER_SUBSETS.flatMap((subset) =>
    WEIGHTS.map((weight) => ({
      file: require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`),
      family: `kb-card-inter-${subset}`,
    })),
  );
  const svg = await readFile(path.join(root, 'public/favicon.svg')).catch(() => undefined);
  const logo = svg && new Uint8Array(svg);
  const versions = DRAWING_PACKAGES.map(
    (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
  );
  const fingerprint = hash(
    JSON.stringify({
      template: TEMPLATE_VERSION,
      colours: CARD_COLOURS,
      geometry: CARD_GEOMETRY,
      png: CARD_PNG_LEVEL,
      versions,
      fonts: fonts.map(({ file, family }) => [path.basename(file), family]),
      logo: logo && hash(logo),
    }),
  );
  return { fonts, logo, fingerprint };
}

/** A short content hash. */
export function hash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}
