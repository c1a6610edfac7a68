import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** Files besides the page that its Markdown read (snippets), with their text, or null where none was found. */
    inputs: Record<string, string | null>;
  }
}

/**
 * Records that rendering `file` read `path` (and found `text`, or nothing): a cached page is
 * stale once one of its inputs changes, appears or goes.
 */
export function recordInput(file: VFile, path: string, text: string | undefined): void {
  (file.data.inputs ??= {})[path] = text ?? null;
}
