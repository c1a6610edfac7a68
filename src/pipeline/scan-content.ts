import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** What the content folder holds, relative paths with forward slashes, sorted. */
export interface ContentScan {
  markdown: string[];
  /** Every other file: published as it is, and a valid link target. */
  assets: Set<string>;
  folders: Set<string>;
  /** Folders reached again through a symbolic link, and folders that could not be read. */
  problems: { file: string; kind: 'loop' | 'unreadable'; detail: string }[];
}

/** Walks the content folder, following symbolic links but never into a loop. Dot-files are skipped. */
export async function scanContent(contentDir: string): Promise<ContentScan> {
  const scan: ContentScan = { markdown: [], assets: new Set(), folders: new Set(), problems: [] };
  const seen = new Set<string>([await realpath(contentDir)]);
  await walk(contentDir, '', seen, scan);
  scan.markdown.sort();
  return scan;
}

async function walk(
  contentDir: string,
  relative: string,
  seen: Set<string>,
  scan: ContentScan,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(contentDir, relative), { withFileTypes: true });
  } catch (error) {
    scan.problems.push({
      file: relative,
      kind: 'unreadable',
      detail: (error as NodeJS.ErrnoException).code ?? 'error',
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    const absolute = path.join(contentDir, child);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(absolute).catch(() => undefined);
      if (!target) {
        scan.problems.push({ file: child, kind: 'unreadable', detail: 'broken symbolic link' });
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDirectory) {
      const real = await realpath(absolute).catch(() => absolute);
      if (seen.has(real)) {
        scan.problems.push({ file: child, kind: 'loop', detail: path.relative(contentDir, real) || '.' });
        continue;
      }
      seen.add(real);
      scan.folders.add(child);
      await walk(contentDir, child, seen, scan);
      seen.delete(real);
    } else if (isFile) {
      if (/\.md$/i.test(entry.name)) scan.markdown.push(child);
      else scan.assets.add(child);
    }
  }
}
