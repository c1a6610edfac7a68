import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { foldText, sameText } from '../model/document-facts.ts';
import type { ContentDocument } from '../model/load-document.ts';

/**
 * An H1 that differs from the title only in case, spacing or punctuation merely repeats it:
 * rewriting it to the title is certain to be what the author meant.
 */
export function isCertainH1Fix(h1: string, title: string): boolean {
  const loose = (text: string) =>
    foldText(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '');
  // A title holding Markdown would be rewritten into an H1 that reads differently again.
  return !sameText(h1, title) && loose(h1) === loose(title) && !/[`*_[\]<\\]/.test(title);
}

/** Applies the certain fixes (`--fix`) to the files on disk, keeping every other byte; returns how many. */
export async function applyFixes(documents: readonly ContentDocument[], contentDir: string): Promise<number> {
  let fixed = 0;
  for (const doc of documents) {
    const h1 = doc.facts?.h1;
    const title = doc.data?.title;
    if (!h1 || title === undefined || !isCertainH1Fix(h1.text, title)) continue;
    const absolute = path.join(contentDir, doc.file);
    const original = await readFile(absolute, 'utf8');
    const lines = original.split(/(?<=\n)/);
    const line = lines[h1.line - 1];
    if (line === undefined || !/^\s{0,3}#\s/.test(line)) continue;
    lines[h1.line - 1] = `# ${title}${line.endsWith('\r\n') ? '\r\n' : line.endsWith('\n') ? '\n' : ''}`;
    await writeFile(absolute, lines.join(''));
    fixed++;
  }
  return fixed;
}
