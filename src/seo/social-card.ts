import { createHash } from 'node:crypto';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SatoriOptions } from 'satori';
import { writeFileAtomic } from '../core/write-file-atomic.ts';
import { CARD_SIZE } from '../core/site-paths.ts';
import { cutOnWordBoundary } from './text.ts';

/** What a social card shows: the question (or page title), what it belongs to, and the site. */
export interface SocialCard {
  /** Small text above the title: the topic, or empty. */
  eyebrow: string;
  title: string;
  /** The site's name, at the bottom. */
  footer: string;
}

/** A satori element: the `{ type, props }` shape of a React element, without React. */
export interface CardNode {
  type: 'div' | 'img';
  props: {
    style?: Record<string, string | number>;
    src?: string;
    width?: number;
    height?: number;
    children?: string | CardNode | readonly (string | CardNode)[];
  };
}

/** Renders social cards, reading a card from the cache when the same card was rendered before. */
export interface CardRenderer {
  render(card: SocialCard): Promise<{ png: Buffer; cached: boolean }>;
  /** Writes the card's PNG to `file`; a cached card is copied, not read into memory. Returns whether it was cached. */
  writeTo(card: SocialCard, file: string): Promise<boolean>;
}

/** Where the cards are cached between builds, under the project's `node_modules/.cache`. */
export function defaultCardCacheDir(root: string): string {
  return path.join(root, 'node_modules/.cache/kb-social-cards');
}

/** Bump when the template changes, so that cached cards are drawn again. */
const TEMPLATE_VERSION = 2;

const COLOURS = {
  background: '#ffffff',
  text: '#1f2328',
  soft: '#57606a',
  accent: '#1d4ed8',
  rule: '#d0d7de',
};

/** Inter from the `@fontsource/inter` package: satori reads WOFF (not WOFF2); latin-ext covers accented letters. */
const FONT_FILES = [
  { file: 'inter-latin-400-normal.woff', weight: 400 },
  { file: 'inter-latin-ext-400-normal.woff', weight: 400 },
  { file: 'inter-latin-700-normal.woff', weight: 700 },
  { file: 'inter-latin-ext-700-normal.woff', weight: 700 },
] as const;

/** The card's layout: the topic, the title sized to its length, a rule, the logo and the site's name. */
export function cardTree(card: SocialCard, logo: string | undefined): CardNode {
  const title = cutOnWordBoundary(card.title, 150);
  const fontSize = title.length <= 40 ? 76 : title.length <= 80 ? 62 : title.length <= 115 ? 52 : 44;
  return {
    type: 'div',
    props: {
      style: {
        width: CARD_SIZE.width,
        height: CARD_SIZE.height,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px 56px',
        backgroundColor: COLOURS.background,
        backgroundImage: `linear-gradient(${COLOURS.accent}, ${COLOURS.accent})`,
        backgroundSize: `${CARD_SIZE.width}px 16px`,
        backgroundRepeat: 'no-repeat',
        fontFamily: 'Inter',
        color: COLOURS.text,
      },
      children: [
        {
          type: 'div',
          props: {
            style: { display: 'flex', fontSize: 32, fontWeight: 700, color: COLOURS.accent },
            children: card.eyebrow ? cutOnWordBoundary(card.eyebrow, 60) : ' ',
          },
        },
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              width: CARD_SIZE.width - 160,
              fontSize,
              fontWeight: 700,
              lineHeight: 1.15,
            },
            children: title,
          },
        },
        {
          type: 'div',
          props: {
            style: {
              display: 'flex',
              alignItems: 'center',
              borderTop: `2px solid ${COLOURS.rule}`,
              paddingTop: 28,
              fontSize: 32,
              color: COLOURS.soft,
            },
            children: [
              ...(logo
                ? [
                    {
                      type: 'img',
                      props: { src: logo, width: 48, height: 48, style: { marginRight: 20 } },
                    } as const,
                  ]
                : []),
              cutOnWordBoundary(card.footer, 60),
            ],
          },
        },
      ],
    },
  };
}

/**
 * Creates a renderer for one build. Fonts and the logo are read once; each card is cached under
 * `cacheDir` by a hash of everything that shapes it (its text, the template, the fonts, the logo
 * and the libraries' versions), so an unchanged card is read, not drawn.
 */
export function createCardRenderer(options: { root: string; cacheDir: string }): CardRenderer {
  const require = createRequire(path.join(options.root, 'package.json'));
  let assets:
    Promise<{ fonts: SatoriOptions['fonts']; logo: string | undefined; fingerprint: string }> | undefined;
  const loadAssets = async () => {
    const fonts = await Promise.all(
      FONT_FILES.map(async ({ file, weight }) => ({
        name: 'Inter',
        data: await readFile(require.resolve(`@fontsource/inter/files/${file}`)),
        weight,
        style: 'normal' as const,
      })),
    );
    const svg = await readFile(path.join(options.root, 'public/favicon.svg')).catch(() => undefined);
    const logo = svg && `data:image/svg+xml;base64,${svg.toString('base64')}`;
    const versions = ['satori', '@resvg/resvg-js', '@fontsource/inter'].map(
      (name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`,
    );
    const fingerprint = JSON.stringify({ template: TEMPLATE_VERSION, versions, logo: logo && hash(logo) });
    return { fonts, logo, fingerprint };
  };

  const cacheFileOf = async (card: SocialCard) => {
    assets ??= loadAssets();
    const loaded = await assets;
    return {
      ...loaded,
      file: path.join(
        options.cacheDir,
        `${hash(JSON.stringify({ fingerprint: loaded.fingerprint, card }))}.png`,
      ),
    };
  };
  const draw = async (
    card: SocialCard,
    file: string,
    fonts: SatoriOptions['fonts'],
    logo: string | undefined,
  ) => {
    // Loaded only when a card is drawn: a build whose cards are all cached never pays for them.
    const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
    const svg = await satori(cardTree(card, logo), { ...CARD_SIZE, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
    await writeFileAtomic(file, png);
    return png;
  };

  return {
    async render(card) {
      const { file, fonts, logo } = await cacheFileOf(card);
      const cached = await readFile(file).catch(() => undefined);
      if (cached) return { png: cached, cached: true };
      return { png: await draw(card, file, fonts, logo), cached: false };
    },
    async writeTo(card, destination) {
      const { file, fonts, logo } = await cacheFileOf(card);
      try {
        await copyFile(file, destination);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await writeFile(destination, await draw(card, file, fonts, logo));
      return false;
    },
  };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
