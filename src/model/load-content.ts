import pLimit from 'p-limit';
import { scanContent, type ContentScan } from './scan-content.ts';
import { codeIdentity } from './code-identity.ts';
import { openBodyCache, openDocumentCache, type BodyCache } from './document-cache.ts';
import { createDocumentParser, defaultParseThreads } from './document-parser.ts';
import { readDocument, storeParsed, type ContentDocument, type ReadContext } from './load-document.ts';
import type { MarkdownOptions } from './markdown-tools.ts';
import { topicsOf } from './routes.ts';

export type { MarkdownOptions } from './markdown-tools.ts';

/** What loading the content folder needs. */
export interface LoadOptions {
  contentDir: string;
  /** Diagnostics name files relative to this folder. */
  cwd: string;
  /** The cache folder; without one, nothing is kept between runs. */
  cacheDir: string | undefined;
  markdown: MarkdownOptions;
  /** Render each body too, into the body cache (a build; needs `cacheDir`). */
  render: boolean;
  /**
   * Worker threads that parse documents; 0 parses them in this thread. By default one per core
   * when at least {@link PARSE_IN_THREADS_FROM} documents need parsing, else none.
   */
  threads?: number;
  /** Files of the content folder the site leaves out (`.gitignore` patterns, MkDocs' `exclude_docs`). */
  exclude?: readonly string[] | undefined;
}

/** The content folder, read: what it holds and every Markdown document. */
export interface LoadedContent {
  scan: ContentScan;
  documents: ContentDocument[];
  /** Where rendered bodies are, when the run rendered them. */
  bodies: BodyCache | undefined;
  /** Milliseconds spent reading, validating and parsing, for the benchmark. */
  milliseconds: number;
  /** Documents parsed (and rendered) in this run; the others came from the caches. */
  parsed: number;
  /** Worker threads they were parsed in; 0 when in this thread. */
  parseThreads: number;
  /** Rendered bodies no run had used for a week, removed from the cache. */
  removedBodies: number;
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_BATCH = 64;

/**
 * Fewer documents to parse than this are parsed in this thread: starting a worker and loading
 * remark and shiki in it costs about what parsing a dozen documents does.
 */
export const PARSE_IN_THREADS_FROM = 16;

/** Reads every Markdown file of the content folder, parsing (and rendering) those the caches do not hold. */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const started = performance.now();
  const scan = await scanContent(options.contentDir, options.exclude);
  const identity = `${await codeIdentity()}\n${JSON.stringify(options.markdown)}`;
  const cache = await openDocumentCache(options.cacheDir, options.contentDir, identity);
  if (options.render && !options.cacheDir)
    throw new Error('Rendering bodies needs a cache folder to keep them in.');
  const bodies = options.render ? await openBodyCache(options.cacheDir!, identity) : undefined;
  const context: ReadContext = {
    contentDir: options.contentDir,
    cwd: options.cwd,
    topics: topicsOf(scan.markdown),
    cache,
    bodies,
  };
  const threadsFor = (count: number) =>
    Math.min(count, options.threads ?? (count >= PARSE_IN_THREADS_FROM ? defaultParseThreads() : 0));
  // Files the document cache cannot hold, as it has fewer entries, must be parsed: when they are
  // enough for threads, the threads start loading their code while the files are read.
  const early = threadsFor(scan.markdown.length - cache.size());
  const warmed = early > 0 ? createDocumentParser({ markdown: options.markdown, threads: early }) : undefined;
  warmed?.warm();
  // First every file is read and looked up in the caches, so that parsing what they miss can
  // be spread over threads when it is worth it.
  const limit = pLimit(READ_BATCH);
  const read = await Promise.all(scan.markdown.map((file) => limit(() => readDocument(file, context)))).catch(
    async (error: unknown) => {
      await warmed?.close();
      throw error;
    },
  );
  const toParse = read.filter((entry) => entry.toParse);
  // Files that cannot be read are not parsed: the warmed threads may have nothing to do.
  const threads = toParse.length === 0 ? 0 : warmed ? early : threadsFor(toParse.length);
  if (toParse.length === 0) await warmed?.close();
  else {
    const parser = warmed ?? createDocumentParser({ markdown: options.markdown, threads });
    try {
      await Promise.all(
        toParse.map(async (entry) => {
          const parsed = await parser.parse({
            file: entry.doc.file,
            text: entry.toParse!.text,
            render: entry.toParse!.bodyKey !== undefined,
          });
          await storeParsed(entry, parsed, context);
        }),
      );
    } finally {
      await parser.close();
    }
  }
  await cache.save();
  const removed = (await bodies?.save()) ?? 0;
  return {
    scan,
    documents: read.map((entry) => entry.doc),
    bodies,
    milliseconds: performance.now() - started,
    parsed: toParse.length,
    parseThreads: threads,
    removedBodies: removed,
  };
}
