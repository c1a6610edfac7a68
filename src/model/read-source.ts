import { readFileSync, statSync } from 'node:fs';

/** The largest Markdown file the checker reads; a bigger one is almost surely a mistake. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A file's text, or the reason it has none. */
export type SourceResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'unreadable' | 'not-text' | 'too-large' | 'empty'; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a Markdown file as UTF-8 text, without a byte-order mark and with `\n` line endings.
 * Binary data, an over-large file and an empty file are reasons, not exceptions. Synchronous,
 * as small files are read and written in a build (core/write-file-atomic.ts).
 */
export function readSource(absolutePath: string): SourceResult {
  let bytes: Uint8Array;
  try {
    const info = statSync(absolutePath);
    if (info.size > MAX_FILE_BYTES) {
      // Rounded up to a tenth, so that a file just over the limit never reads as the limit itself.
      const megabytes = Math.ceil((info.size / 1024 / 1024) * 10) / 10;
      return { ok: false, reason: 'too-large', detail: `${megabytes.toFixed(1)} MB` };
    }
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: 'unreadable', detail: code };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'not-text', detail: 'it has invalid byte sequences' };
  }
  if (text.includes('\u0000')) return { ok: false, reason: 'not-text', detail: 'it contains NUL bytes' };
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: '' };
  return { ok: true, text };
}
