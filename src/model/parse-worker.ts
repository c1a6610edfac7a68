// A worker thread of the document parser (document-parser.ts): makes the Markdown tools once,
// then validates, parses and renders each document it is sent, as the main thread would.
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../core/worker-pool.ts';
import { parseDocument, type ParsedDocument } from './load-document.ts';
import type { ParseTask } from './document-parser.ts';
import { createMarkdownTools, type MarkdownOptions } from './markdown-tools.ts';

const tools = createMarkdownTools(workerData as MarkdownOptions);

serveTasks<ParseTask, ParsedDocument>(async ({ file, text, render }) =>
  parseDocument(file, text, await tools, render),
);
