import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { DIAGRAM_LIBRARY_DIR } from '../core/site-paths.ts';

/** Mermaid's browser build: one entry module and the chunks it imports, minified, as the package ships them. */
const ENTRY = 'mermaid.esm.min.mjs';
const CHUNKS = 'chunks/mermaid.esm.min';

/** The folder of the installed Mermaid's `dist/`. */
function mermaidDist(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist');
}

/**
 * Copies Mermaid's prebuilt browser build into the site (`/_kb/mermaid/`): the files the
 * package publishes for browsers, the source maps left out. Bundling Mermaid with the site's
 * scripts instead cost every build seconds and half a gigabyte for files no build changes.
 */
export async function copyDiagramLibrary(outDir: string): Promise<number> {
  const dist = mermaidDist();
  const target = path.join(outDir, ...DIAGRAM_LIBRARY_DIR.split('/'));
  const chunks = (await readdir(path.join(dist, CHUNKS))).filter((name) => name.endsWith('.mjs'));
  await mkdir(path.join(target, CHUNKS), { recursive: true });
  const files = [ENTRY, ...chunks.map((name) => `${CHUNKS}/${name}`)];
  await Promise.all(files.map((file) => copyFile(path.join(dist, file), path.join(target, file))));
  return files.length;
}

/** Serves Mermaid's browser build in `astro dev`, where nothing is copied. */
export function diagramLibraryVitePlugin(): Plugin {
  return {
    name: 'knowledge-base:diagram-library',
    configureServer(server) {
      const dist = mermaidDist();
      const prefix = `${server.config.base.replace(/\/+$/, '')}/${DIAGRAM_LIBRARY_DIR}/`;
      server.middlewares.use((request, response, next) => {
        const urlPath = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
        if (!urlPath.startsWith(prefix)) return next();
        const file = path.join(dist, urlPath.slice(prefix.length));
        if (!file.startsWith(dist + path.sep) || !file.endsWith('.mjs')) return next();
        response.setHeader('content-type', 'text/javascript');
        createReadStream(file)
          .on('error', () => next())
          .pipe(response);
      });
    },
  };
}
