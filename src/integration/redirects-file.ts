import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { frontmatterSchema } from '../pipeline/frontmatter.ts';
import { routeForContentFile, topicsOf } from '../pipeline/routes.ts';
import { scanContent } from '../pipeline/scan-content.ts';
import { splitFrontmatter } from '../pipeline/split-frontmatter.ts';
import { redirectsOf, renderRedirectsFile, type RedirectSource } from '../seo/redirects.ts';

/**
 * Writes `_redirects` for every `aliases` entry of the content folder. Astro cannot publish a
 * file whose name starts with `_` from `src/pages/`, so the build writes it when it is done;
 * the static redirect pages themselves come from `src/pages/[...alias].astro`.
 */
export async function writeRedirectsFile(contentDir: string, outDir: string): Promise<number> {
  const scan = await scanContent(contentDir);
  const topics = topicsOf(scan.markdown);
  const pages: RedirectSource[] = [];
  for (const file of scan.markdown) {
    const text = await readFile(path.join(contentDir, file), 'utf8');
    const split = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
    // The checker has already stopped the build on invalid frontmatter; nothing to report here.
    const data =
      split.kind === 'found' ? frontmatterSchema.safeParse(split.block.document.toJS()) : undefined;
    if (data?.success) pages.push({ url: routeForContentFile(file, topics).url, data: data.data });
  }
  const redirects = redirectsOf(pages);
  if (redirects.length > 0) await writeFile(path.join(outDir, '_redirects'), renderRedirectsFile(redirects));
  return redirects.length;
}
