import { createReadStream } from 'node:fs';
import { copyFile, lstat, mkdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { safeDecode, toPosix } from '../core/paths.ts';

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
    // The author's file wins over a generated one, which may be a link to a cached card: replaced, not written through.
    const there = await lstat(target).catch(() => undefined);
    if (there && (there.nlink > 1 || !there.isFile())) await rm(target, { recursive: true, force: true });
    await copyFile(path.join(contentDir, ...file.split('/')), target);
    count++;
  }
  return count;
}

/**
 * Serves the content directory's static files in `astro dev`, where nothing is copied: as the
 * build publishes them, following symbolic links only while they stay inside the folder.
 * `published` gives the files the last scan found (excluded and dot-files left out); before the
 * first scan, any file of the folder is served.
 */
export function contentAssetsVitePlugin(
  contentDir: string,
  base: string,
  published: () => ReadonlySet<string> | undefined,
): Plugin {
  const prefix = base.replace(/\/+$/, '');
  return {
    name: 'knowledge-base:content-assets',
    configureServer(server) {
      const root = realpath(contentDir).catch(() => contentDir);
      server.middlewares.use((request, response, next) => {
        const served = (request.url ?? '/').split('?')[0] ?? '/';
        if (!served.startsWith(`${prefix}/`)) return next();
        const urlPath = safeDecode(served.slice(prefix.length));
        const file = path.join(contentDir, urlPath);
        if (/\.md$/i.test(urlPath) || !file.startsWith(contentDir + path.sep)) return next();
        const assets = published();
        if (assets && !assets.has(toPosix(path.relative(contentDir, file)))) return next();
        Promise.all([root, realpath(file), stat(file)]).then(
          ([real, target, info]) =>
            info.isFile() && target.startsWith(real + path.sep)
              ? createReadStream(file).pipe(response)
              : next(),
          () => next(),
        );
      });
    },
  };
}
