import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The files of the content directory that are published as they are (images, `robots.txt`,
 * `CNAME`…), as MkDocs does: everything but Markdown and dot-files, relative and sorted.
 */
export async function listContentAssets(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !/\.md$/i.test(entry.name))
    .map((entry) => path.relative(contentDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).some((part) => part.startsWith('.')))
    .sort();
}

/** Copies the content directory's static files into the built site. */
export async function copyContentAssets(contentDir: string, outDir: string): Promise<number> {
  const files = await listContentAssets(contentDir);
  for (const file of files) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(contentDir, file), target);
  }
  return files.length;
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
