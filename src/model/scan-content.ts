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
   * folders that could not be read (`detail`: the error code), symbolic links whose target cannot be
   * opened (`detail`: the link's target; `code`: the error code), symbolic links that lead outside the
   * content folder (`detail`: where to), and names that differ from another only in case (`detail`: the other).
   */
  problems: {
    file: string;
    kind: 'loop' | 'unreadable' | 'broken-link' | 'outside' | 'case';
    detail: string;
    code?: string;
  }[];
}

/**
 * Walks the content folder, following symbolic links that stay inside it, but never into a loop.
 * Dot-files are skipped, and what `exclude` names (`.gitignore` patterns, as MkDocs'
 * `exclude_docs`). A link that leads outside is a problem, not followed: whatever it reaches
 * would be published.
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
  scan.problems.push(...caseCollisions([...scan.folders, ...scan.markdown, ...scan.assets]));
  return scan;
}

/**
 * Names that differ from an earlier one only in case (`a.md` and `A.md`, `Topic/` and `topic/`):
 * on macOS, Windows and many hosts one replaces the other. Inside two such folders, only the
 * folders are named.
 */
function caseCollisions(paths: readonly string[]): ContentScan['problems'] {
  const first = new Map<string, string>();
  const colliding = new Set<string>();
  const problems: ContentScan['problems'] = [];
  for (const file of [...paths].sort()) {
    const key = file.toLowerCase();
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, file);
      continue;
    }
    colliding.add(file);
    const ancestors = file
      .split('/')
      .slice(0, -1)
      .map((_, at, parts) => parts.slice(0, at + 1).join('/'));
    if (!ancestors.some((folder) => colliding.has(folder)))
      problems.push({ file, kind: 'case', detail: other });
  }
  return problems;
}

interface Walk {
  contentDir: string;
  root: string;
  scan: ContentScan;
  excluded: Ignore;
}

async function walk(context: Walk, relative: string, seen: Set<string>): Promise<void> {
  const { contentDir, root, scan, excluded } = context;
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
    // Left out before anything is looked at: what the site never publishes is never a problem.
    if (excluded.ignores(child) || (entry.isDirectory() && excluded.ignores(`${child}/`))) {
      scan.excluded.add(entry.isDirectory() ? `${child}/` : child);
      continue;
    }
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
      if (isDirectory && excluded.ignores(`${child}/`)) {
        scan.excluded.add(`${child}/`);
        continue;
      }
      const real = await realpath(absolute).catch(() => absolute);
      if (!isInside(root, real)) {
        scan.problems.push({
          file: child,
          kind: 'outside',
          detail: await readlink(absolute).catch(() => real),
        });
        continue;
      }
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
      await walk(context, child, seen);
      seen.delete(real);
    } else if (isFile) {
      if (/\.md$/i.test(entry.name)) scan.markdown.push(child);
      else scan.assets.add(child);
    }
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
