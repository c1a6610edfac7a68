import { mkdir, rename, rmdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Moves pages whose path holds `#` or `?` to the folder their href names. Astro's route
 * generator writes those characters as `%23` and `%3F` before the path becomes a file name, so
 * `t/hash#tag.md` is built into `t/hash%23tag/index.html`, which a static host would serve at
 * `/t/hash%2523tag/`. Its href is `/t/hash%23tag/` (as MkDocs has it), which a host decodes to
 * `t/hash#tag/`: the page is moved there. `sitePaths` are the pages' site paths, as files name
 * them (`/t/hash#tag/`); returns how many pages moved.
 */
export async function moveToDecodedFolders(outDir: string, sitePaths: Iterable<string>): Promise<number> {
  // Without a trailing separator, which Astro's output URL carries.
  const root = path.resolve(outDir);
  let moved = 0;
  const emptied = new Set<string>();
  for (const sitePath of sitePaths) {
    const astroPath = sitePath.replaceAll('#', '%23').replaceAll('?', '%3F');
    if (astroPath === sitePath) continue;
    const from = path.join(root, ...astroPath.split('/'), 'index.html');
    const to = path.join(root, ...sitePath.split('/'), 'index.html');
    await mkdir(path.dirname(to), { recursive: true });
    try {
      await rename(from, to);
    } catch (error) {
      // A later Astro that writes the folder as the path names it leaves nothing to move.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    moved++;
    for (let folder = path.dirname(from); folder.startsWith(root + path.sep); folder = path.dirname(folder))
      emptied.add(folder);
  }
  // Deepest first: a folder Astro made for the encoded name goes once nothing is left in it.
  for (const folder of [...emptied].sort((a, b) => b.length - a.length))
    await rmdir(folder).catch(() => undefined);
  return moved;
}
