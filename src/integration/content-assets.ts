import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Copies the content folder's static files (images, `robots.txt`, `CNAME`…) into the built site,
 * as MkDocs does: the files the scan found (`ContentScan.assets`, paths relative to the content
 * folder), which follow symbolic links that stay inside it. A link's target is copied, not the link.
 */
export async function copyContentAssets(
  contentDir: string,
  assets: Iterable<string>,
  outDir: string,
): Promise<number> {
  let count = 0;
  for (const file of [...assets].sort()) {
    const target = path.join(outDir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(contentDir, ...file.split('/')), target);
    count++;
  }
  return count;
}

/** Serves the content directory's static files in `astro dev`, where nothing is copied. */
export function contentAssetsVitePlugin(contentDir: string): Plugin {
  return {
    name: 'knowledge-base:content-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const urlPath = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
        const file = path.join(contentDir, urlPath);
        if (/\.md$/i.test(urlPath) || !file.startsWith(contentDir + path.sep)) return next();
        stat(file).then(
          (info) => (info.isFile() ? createReadStream(file).pipe(response) : next()),
          () => next(),
        );
      });
    },
  };
}
