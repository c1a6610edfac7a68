import type { MarkdownExtensions } from '../markdown/block-extensions.ts';
import { scanContent, type ContentScan } from './scan-content.ts';
import { codeIdentity } from './code-identity.ts';
import { openBodyCache, openDocumentCache, type BodyCache } from './document-cache.ts';
import { loadDocument, type ContentDocument, type MarkdownTools } from './load-document.ts';
import { siteUrlOfLink } from './links.ts';
import { topicsOf } from './routes.ts';

/** How the site's Markdown reads and renders: options that shape every document, so part of the cache keys. */
export interface MarkdownOptions {
  /** Python-Markdown extensions with their options, as `mkdocs.yml` lists them. */
  extensions: MarkdownExtensions;
  /** The folder snippet paths are relative to. */
  projectDir: string;
  /** Material's `theme.features` (`content.code.annotate`). */
  features: readonly string[];
  /** The site's base path (`/` unless it is published in a sub-folder such as `/kb/`). */
  base: string;
}

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
  /** Rendered bodies no run had used for a week, removed from the cache. */
  removedBodies: number;
}

/** Files read at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const READ_BATCH = 64;

/** Reads every Markdown file of the content folder, parsing (and rendering) those the caches do not hold. */
export async function loadContent(options: LoadOptions): Promise<LoadedContent> {
  const started = performance.now();
  const scan = await scanContent(options.contentDir, options.exclude);
  const identity = `${await codeIdentity()}\n${JSON.stringify(options.markdown)}`;
  const cache = await openDocumentCache(options.cacheDir, options.contentDir, identity);
  if (options.render && !options.cacheDir)
    throw new Error('Rendering bodies needs a cache folder to keep them in.');
  const bodies = options.render ? await openBodyCache(options.cacheDir!, identity) : undefined;
  const context = {
    contentDir: options.contentDir,
    cwd: options.cwd,
    topics: topicsOf(scan.markdown),
    tools: lazyTools(options.markdown),
    cache,
    bodies,
    parsed: { count: 0 },
  };
  const documents: ContentDocument[] = [];
  for (let start = 0; start < scan.markdown.length; start += READ_BATCH) {
    const batch = scan.markdown.slice(start, start + READ_BATCH);
    documents.push(...(await Promise.all(batch.map((file) => loadDocument(file, context)))));
  }
  await cache.save();
  const removed = (await bodies?.save()) ?? 0;
  return {
    scan,
    documents,
    bodies,
    milliseconds: performance.now() - started,
    parsed: context.parsed.count,
    removedBodies: removed,
  };
}

/** Makes the Markdown tools on first use: a run where every document is cached never loads remark or shiki. */
function lazyTools(options: MarkdownOptions): () => Promise<MarkdownTools> {
  let tools: Promise<MarkdownTools> | undefined;
  return () =>
    (tools ??= Promise.all([
      import('../markdown/parse-markdown.ts'),
      import('../markdown/render-body.ts'),
    ]).then(([{ createMarkdownParser }, { createBodyRenderer }]) => ({
      parse: createMarkdownParser({
        extensions: options.extensions,
        projectDir: options.projectDir,
        features: options.features,
      }),
      render: createBodyRenderer({
        rewriteLink: (url, file) => siteUrlOfLink(url, file, options.base),
        extensions: options.extensions,
      }),
    })));
}
