import type { Dirent } from 'node:fs';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** What the content folder holds, relative paths with forward slashes, sorted. */
export interface ContentScan {
  markdown: string[];
  /** Every other file: published as it is, and a valid link target. */
  assets: Set<string>;
  folders: Set<string>;
  /** Files and folders (`name/`) the site leaves out by `exclude` patterns; nothing under them is scanned. */
  excluded: Set<string>;
  /**
   * Folders reached again through a symbolic link (`detail`: the folder, relative to the content folder),
   * folders that could not be read (`detail`: the error code) and symbolic links whose target cannot be
   * opened (`detail`: the link's target; `code`: the error code).
   */
  problems: { file: string; kind: 'loop' | 'unreadable' | 'broken-link'; detail: string; code?: string }[];
}

/**
 * Walks the content folder, following symbolic links but never into a loop. Dot-files are skipped,
 * and what `exclude` names (`.gitignore` patterns, as MkDocs' `exclude_docs`).
 */
export async function scanContent(contentDir: string, exclude: readonly string[] = []): Promise<ContentScan> {
  const scan: ContentScan = {
    markdown: [],
    assets: new Set(),
    folders: new Set(),
    excluded: new Set(),
    problems: [],
  };
  const root = await realpath(contentDir);
  await walk({ contentDir, root, scan, excluded: ignore().add([...exclude]) }, '', new Set([root]));
  scan.markdown.sort();
  return scan;
}

interface Walk {
  contentDir: string;
  root: string;
  scan: ContentScan;
  excluded: Ignore;
}

async function walk(
  { contentDir, root, scan, excluded }: Walk,
  relative: string,
  seen: Set<string>,
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
      const target = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
      if (target instanceof Error) {
        scan.problems.push({
          file: child,
          kind: 'broken-link',
          detail: await readlink(absolute).catch(() => '?'),
          code: target.code ?? 'error',
        });
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
    }
    if ((isDirectory || isFile) && excluded.ignores(isDirectory ? `${child}/` : child)) {
      scan.excluded.add(isDirectory ? `${child}/` : child);
      continue;
    }
    if (isDirectory) {
      const real = await realpath(absolute).catch(() => absolute);
      if (seen.has(real)) {
        // Relative to the real root: `contentDir` itself may be reached through a symbolic link.
        scan.problems.push({ file: child, kind: 'loop', detail: path.relative(root, real) || '.' });
        continue;
      }
      seen.add(real);
      scan.folders.add(child);
      await walk({ contentDir, root, scan, excluded }, child, seen);
      seen.delete(real);
    } else if (isFile) {
      if (/\.md$/i.test(entry.name)) scan.markdown.push(child);
      else scan.assets.add(child);
    }
  }
}
