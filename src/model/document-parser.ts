import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { createWorkerPool } from '../core/worker-pool.ts';
import { parseDocument, type MarkdownTools, type ParsedDocument } from './load-document.ts';
import { createMarkdownTools, type MarkdownOptions } from './markdown-tools.ts';

/** One document to parse: its path relative to the content folder, its text, and whether to render it too. */
export interface ParseTask {
  file: string;
  text: string;
  render: boolean;
}

/** Validates, parses and (when asked) renders documents: `parseDocument`, here or in worker threads. */
export interface DocumentParser {
  parse(task: ParseTask): Promise<ParsedDocument>;
  /** Starts the worker threads before the first document, when documents are sure to come. */
  warm(): void;
  /** Ends the worker threads, if any started. */
  close(): Promise<void>;
}

/**
 * Documents each worker holds at once: while it parses one, the next is already waiting, so it
 * never idles while an answer crosses threads.
 */
const DOCUMENTS_PER_WORKER = 2;

/**
 * How many threads parse documents when many need it: one per core, up to eight (parsing and
 * highlighting are synchronous work that one thread does one document at a time).
 */
export function defaultParseThreads(): number {
  return Math.min(availableParallelism(), 8);
}

/**
 * Creates the parser of one run. With `threads` of 0, documents are parsed in this thread;
 * otherwise in up to `threads` worker threads, which start with the first document that needs
 * them (a run whose documents are all cached starts none) and each make the Markdown tools once.
 * Both give the same result: the worker runs the same `parseDocument`, and the result crosses
 * threads by structured clone, which keeps its dates and sets.
 */
export function createDocumentParser(options: {
  markdown: MarkdownOptions;
  threads: number;
}): DocumentParser {
  if (options.threads < 1) {
    let tools: Promise<MarkdownTools> | undefined;
    // As in a worker, a few documents at once: each holds its trees until it is done.
    const limit = pLimit(DOCUMENTS_PER_WORKER);
    return {
      parse: ({ file, text, render }) =>
        limit(async () =>
          parseDocument(file, text, await (tools ??= createMarkdownTools(options.markdown)), render),
        ),
      warm: () => {},
      close: async () => {},
    };
  }
  const pool = createWorkerPool<ParseTask, ParsedDocument>({
    script: new URL('./parse-worker.ts', import.meta.url),
    workerData: options.markdown,
    size: options.threads,
    tasksPerWorker: DOCUMENTS_PER_WORKER,
    describe: (file) => `Could not parse ${file}`,
  });
  return { parse: (task) => pool.run(task, task.file), warm: () => pool.warm(), close: () => pool.close() };
}
