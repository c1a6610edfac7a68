import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { digest } from '../core/cache-store.ts';

/** The project's own folder: this product's code, its settings file and its locked libraries. */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders whose every file shapes the site: pages, components, styles, scripts, the settings file. */
const FOLDERS = ['src', 'public'];
/** The build's configuration and the libraries' versions, as locked and as installed. */
const FILES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'node_modules/.package-lock.json',
];

/**
 * A digest of everything of the product that decides what a build publishes from given content:
 * its code and assets, its configuration, its libraries, and the Node.js running it. An edited
 * component or an upgraded library is a change, as an edited article is. `project`: another
 * copy of the product.
 */
export async function productCodeIdentity(project = PROJECT): Promise<string> {
  const files = FILES.map((name) => path.join(project, name));
  for (const folder of FOLDERS) {
    const entries = await readdir(path.join(project, folder), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries)
      if (!entry.isDirectory()) files.push(path.join(entry.parentPath, entry.name));
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(file).catch(() => new Uint8Array())));
  return digest([
    process.version,
    process.arch,
    ...files.flatMap((file, i) => [path.relative(project, file), contents[i]!]),
  ]);
}
