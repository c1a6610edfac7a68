import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { redirectsOf, renderRedirectsFile, type RedirectSource } from '../seo/redirects.ts';

/**
 * Writes `_redirects` for every `aliases` entry of the proved pages. Astro cannot publish a
 * file whose name starts with `_` from `src/pages/`, so the build writes it when it is done;
 * the static redirect pages themselves come from `src/pages/[...alias].astro`.
 */
export async function writeRedirectsFile(
  pages: Iterable<RedirectSource>,
  outDir: string,
  base: string,
): Promise<number> {
  const redirects = redirectsOf(pages, base);
  if (redirects.length > 0)
    await writeFile(path.join(outDir, '_redirects'), renderRedirectsFile(redirects, base));
  return redirects.length;
}
