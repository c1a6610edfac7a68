import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/**
 * The pages a built site publishes, as site paths: `/topic/page/` for each `index.html`, and
 * `/404.html`. Other files (feeds, sitemaps, search indexes, assets) are not pages.
 */
export async function publishedPages(outDir: string): Promise<string[]> {
  const files = await readdir(outDir, { recursive: true });
  return files
    .map((file) => file.split(path.sep).join('/'))
    .flatMap((file) => {
      if (file === '404.html') return ['/404.html'];
      if (file === 'index.html') return ['/'];
      return file.endsWith('/index.html') ? [`/${file.slice(0, -'index.html'.length)}`] : [];
    })
    .sort();
}

/** The page at a site path, parsed (`<pre>` and `<code>` as elements, to read inside them). */
export async function readPage(outDir: string, sitePath: string): Promise<HTMLElement> {
  const file = sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`;
  return parse(await readFile(path.join(outDir, file), 'utf8'), {
    blockTextElements: { script: true, style: true },
  });
}
