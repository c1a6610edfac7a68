import { posix } from 'node:path';
import { FEED_PATH, LLMS_TXT_PATH, SEARCH_INDEX_DIR, SEARCH_PATH, SITEMAP_PATH } from '../core/site-paths.ts';
import { hasUrlScheme } from '../core/paths.ts';
import { normaliseSitePath } from './routes.ts';

/** What is wrong with an `aliases` entry: not a path of this site, or the path of a file the build writes itself. */
export type AliasProblem = { kind: 'invalid' | 'generated'; message: string };

/** First folders of the site that the build fills itself: a redirect page there would replace its files. */
const GENERATED_ROOTS: ReadonlySet<string> = new Set(
  [FEED_PATH, SITEMAP_PATH, LLMS_TXT_PATH, SEARCH_PATH, `/${SEARCH_INDEX_DIR}/`, '/og/', '/_astro/']
    .concat(['/404/', '/404.html', '/robots.txt', '/_redirects'])
    .map((sitePath) => sitePath.split('/')[1]!),
);

/** Pages the site generates at fixed paths, and folders that tools fill (the search index, Astro's assets). */
const GENERATED_PAGES: Readonly<Record<string, string>> = {
  [SEARCH_PATH]: 'search page',
  '/404/': '“not found” page',
};
const TOOL_FOLDERS = [`/${SEARCH_INDEX_DIR}/`, '/_astro/'];

/**
 * What the build itself publishes at a page's site path, said as the end of a sentence (`which
 * is the build's own search page`); Astro keeps its own route and leaves the file's page out.
 * Undefined when nothing does.
 */
export function generatedPageAt(sitePath: string): string | undefined {
  if (Object.hasOwn(GENERATED_PAGES, sitePath))
    return `which is the build's own ${GENERATED_PAGES[sitePath]}`;
  const folder = TOOL_FOLDERS.find((prefix) => sitePath.startsWith(prefix));
  return folder && `inside \`${folder}\`, which the build fills with files of its own`;
}

/**
 * Why an alias cannot be a redirect of this static site, or undefined when it can: it must be a
 * path of the site (no scheme or host, no `..`, no query or anchor, no empty folder name) and
 * must not be the home page or a file the build generates. The checker reports each; the build
 * leaves such aliases out, so a site whose rule is off still builds.
 */
export function aliasProblem(alias: string): AliasProblem | undefined {
  const written = alias.trim();
  const invalid = (message: string): AliasProblem => ({ kind: 'invalid', message });
  if (written === '') return invalid('the alias is empty; write the old path, such as `/old/path/`');
  if (hasUrlScheme(written) || written.startsWith('//')) {
    const path = pathOfAddress(written);
    return invalid(
      `the alias \`${written}\` is an address, not a path of this site; write the old path${path ? `, \`${path}\`` : ', such as `/old/path/`'} (a redirect from another site is that site's business)`,
    );
  }
  if (/[?#]/.test(written))
    return invalid(
      `the alias \`${written}\` has a query (\`?\`) or an anchor (\`#\`), which a static site cannot redirect; write the path alone, \`${normaliseSitePath(written.replace(/[?#].*$/, ''))}\``,
    );
  if (written.includes('\\'))
    return invalid(
      `the alias \`${written}\` separates folders with \`\\\`; use \`/\`, as in \`${normaliseSitePath(written.replaceAll('\\', '/'))}\``,
    );
  // Control characters can name no file a host serves.
  if (/[\u0000-\u001f\u007f]/.test(written))
    return invalid(
      `the alias \`${JSON.stringify(written).slice(1, -1)}\` holds a control character; remove it`,
    );
  const inner = written.replace(/^\/+|\/+$/g, '');
  const home = invalid(`the alias \`${written}\` is the home page; a redirect there would hide it`);
  if (inner === '') return home;
  const segments = inner.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.'))
    return invalid(
      `the alias \`${written}\` has \`.\` or \`..\` in it; write the old path from the site's root, such as \`${normaliseSitePath(posix.normalize(`/${written}`).replace(/^(\/\.\.)+/, ''))}\``,
    );
  if (segments.some((segment) => segment === ''))
    return invalid(`the alias \`${written}\` has an empty folder name (\`//\`); write each folder once`);
  const sitePath = normaliseSitePath(written);
  if (sitePath === '/') return home;
  if (GENERATED_ROOTS.has(sitePath.split('/')[1]!))
    return {
      kind: 'generated',
      message: `the alias \`${written}\` is a path the build writes itself (\`/${sitePath.split('/')[1]}\`); a redirect there would replace it`,
    };
  return undefined;
}

/** The path of an address (`https://old.example/sleep/` → `/sleep/`), or undefined when it has none worth suggesting. */
function pathOfAddress(address: string): string | undefined {
  try {
    const { pathname } = new URL(address.startsWith('//') ? `https:${address}` : address);
    const path = normaliseSitePath(decodeURIComponent(pathname));
    return path === '/' ? undefined : path;
  } catch {
    return undefined;
  }
}
