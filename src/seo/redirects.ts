import { hrefOf } from '../core/site-paths.ts';
import { aliasProblem } from '../model/aliases.ts';
import { normaliseSitePath } from '../model/routes.ts';
import type { Frontmatter } from '../model/frontmatter.ts';

/** An old path (an `aliases` entry) and the page it now lives at. */
export interface Redirect {
  /** The alias as a site path in the site's URL style: `/old/path/`. */
  from: string;
  /** The alias as the author wrote it, when that is another path (`/old/path.html`). */
  written: string;
  /** The page's site path. */
  to: string;
  /** The page's site path as a link. */
  href: string;
}

/** A page as redirects need it. */
export interface RedirectSource {
  url: string;
  data: Pick<Frontmatter, 'aliases' | 'draft'>;
}

/**
 * Every alias of every published page, sorted by old path, linking under `base`. A draft's
 * aliases are left out with the draft. Aliases that collide are the checker's business
 * (`alias-collision`).
 */
export function redirectsOf(pages: Iterable<RedirectSource>, base: string): Redirect[] {
  const redirects: Redirect[] = [];
  for (const page of pages) {
    if (page.data.draft) continue;
    for (const alias of page.data.aliases) {
      // The checker reports these (`alias-invalid`); with that rule off, the build still builds.
      if (aliasProblem(alias)) continue;
      const from = normaliseSitePath(alias);
      const written = `/${alias.trim().replace(/^\/+/, '')}`;
      redirects.push({ from, written, to: page.url, href: hrefOf(page.url, base) });
    }
  }
  return redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * A `_redirects` file (Netlify, Cloudflare Pages and others): one permanent redirect per line,
 * for the alias as written and in the site's URL style, so that hosts that read the file answer
 * with a real 301 before the static redirect page is ever served. Both sides are under `base`.
 */
export function renderRedirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = new Set<string>();
  for (const { from, written, to } of redirects) {
    for (const path of new Set([written, from, from.replace(/\/$/, '')])) {
      if (path && path !== '/') lines.add(`${hrefOf(path, base)} ${hrefOf(to, base)} 301`);
    }
  }
  return [...lines].join('\n') + (lines.size > 0 ? '\n' : '');
}
