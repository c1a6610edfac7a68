import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toPosix } from '../core/paths.ts';
import { digest } from '../core/cache-store.ts';
import { headingFacts } from '../markdown/heading-ids.ts';
import { isMarkdownRuleId } from '../markdown/markdown-rules.ts';
import type { MarkdownParser } from '../markdown/parse-markdown.ts';
import type { BodyRenderer, RenderedBody } from '../markdown/render-body.ts';
import type { BodyCache, CachedDocument, DocumentCache } from './document-cache.ts';
import { deriveFacts, type DocumentFacts } from './document-facts.ts';
import type { Frontmatter } from './frontmatter.ts';
import type { LoadProblem } from './load-problems.ts';
import { MAX_FILE_BYTES, readSource, type SourceResult } from './read-source.ts';
import { routeForContentFile, type Route } from './routes.ts';
import { blankLines, placesOf, splitFrontmatter, type FrontmatterPlaces } from './split-frontmatter.ts';
import { validateFrontmatter } from './validate-frontmatter.ts';

/** One Markdown file of the content folder, read, validated and parsed as far as it could be. */
export interface ContentDocument {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** Path as diagnostics print it: relative to the working directory. */
  displayPath: string;
  route: Route;
  /** The text, BOM removed and line endings normalised; undefined when unreadable. */
  text: string | undefined;
  /** Where the frontmatter and its fields are; undefined without frontmatter. */
  frontmatter: FrontmatterPlaces | undefined;
  /** Valid frontmatter; undefined when missing or invalid. */
  data: Frontmatter | undefined;
  /** The page's title: the frontmatter's, else the H1 that opens it, else from the file name (as MkDocs). */
  title: string | undefined;
  facts: DocumentFacts | undefined;
  /** What is wrong with the file itself or its frontmatter. */
  problems: LoadProblem[];
  /** Where the rendered body is kept (see `BodyCache`), when the run renders bodies. */
  bodyKey: string | undefined;
}

/** The parser and renderer of a run, made (and their modules loaded) only when a document is not cached. */
export interface MarkdownTools {
  parse: MarkdownParser;
  render: BodyRenderer;
}

/** What parsing one document produced: what the document cache keeps, and the rendered body when asked for. */
export type ParsedDocument = CachedDocument & { body: RenderedBody | undefined };

/** What reading needs: where files are, and the caches. */
export interface ReadContext {
  contentDir: string;
  cwd: string;
  topics: ReadonlySet<string>;
  cache: DocumentCache;
  /** Given when the run renders bodies (a build); a check only needs the facts. */
  bodies: BodyCache | undefined;
}

/** A content file as read: the document, complete when the caches held it, and otherwise what parsing it takes. */
export interface ReadDocument {
  doc: ContentDocument;
  /** Set when the document still has to be parsed (`parseDocument`), then stored with `storeParsed`. */
  toParse: { text: string; key: string; bodyKey: string | undefined } | undefined;
}

/**
 * Reads one content file and takes what the caches hold for its text; a document they do not
 * hold is parsed once (`parseDocument`, in whichever thread), so that the facts the checks read
 * and the body the page shows come from that one tree.
 */
export async function readDocument(file: string, context: ReadContext): Promise<ReadDocument> {
  const absolute = path.join(context.contentDir, file);
  const doc: ContentDocument = {
    file,
    displayPath: toPosix(path.relative(context.cwd, absolute)) || file,
    route: routeForContentFile(file, context.topics),
    text: undefined,
    frontmatter: undefined,
    data: undefined,
    title: undefined,
    facts: undefined,
    problems: [],
    bodyKey: undefined,
  };
  const source = readSource(absolute);
  if (!source.ok) {
    doc.problems.push(sourceProblem(source));
    return { doc, toParse: undefined };
  }
  doc.text = source.text;
  const key = context.cache.key(file, source.text);
  const bodyKey = context.bodies?.key(file, source.text);
  const stored = context.cache.get(key);
  const cached = stored && (await inputsUnchanged(stored.inputs)) ? stored : undefined;
  // A file whose frontmatter never closes has no body to render.
  const bodyMissing =
    bodyKey !== undefined && cached?.facts !== undefined && !(await context.bodies!.has(bodyKey));
  if (cached && !bodyMissing) {
    Object.assign(doc, cached, { bodyKey: cached.facts ? bodyKey : undefined });
    return { doc, toParse: undefined };
  }
  return { doc, toParse: { text: source.text, key, bodyKey } };
}

/** Completes a document with what parsing it produced, and keeps that in the caches. */
export async function storeParsed(
  read: ReadDocument,
  parsed: ParsedDocument,
  context: ReadContext,
): Promise<void> {
  const { doc, toParse } = read;
  if (!toParse) return;
  if (parsed.body && toParse.bodyKey !== undefined) await context.bodies!.write(toParse.bodyKey, parsed.body);
  const { body: _, ...value } = parsed;
  context.cache.set(toParse.key, value);
  Object.assign(doc, value, { bodyKey: parsed.facts ? toParse.bodyKey : undefined });
}

/** True when every file a cached page read (its snippets) still reads the same, or is still missing. */
async function inputsUnchanged(inputs: Record<string, string | null>): Promise<boolean> {
  for (const [file, sum] of Object.entries(inputs)) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if ((text === undefined ? null : digest([text])) !== sum) return false;
  }
  return true;
}

/** Validates the frontmatter and parses the body: the one parse of this file in this run. */
export async function parseDocument(
  file: string,
  text: string,
  tools: MarkdownTools,
  render: boolean,
): Promise<ParsedDocument> {
  const result: ParsedDocument = {
    frontmatter: undefined,
    data: undefined,
    title: titleFromFileName(file),
    facts: undefined,
    problems: [],
    inputs: {},
    body: undefined,
  };
  const split = splitFrontmatter(text);
  if (split.kind === 'unclosed') {
    result.problems.push({
      kind: 'frontmatter-unclosed',
      line: 1,
      column: 1,
      message: 'the frontmatter opened with `---` never closes; add a line with `---` after the last field',
    });
  }
  // A page needs no frontmatter, as in MkDocs; without a valid one (its rule relaxed), it is
  // still published, as MkDocs publishes it, with the title from its H1 or its file name.
  if (split.kind === 'found') {
    result.frontmatter = placesOf(split.block);
    result.data = validateFrontmatter(split.block, result.frontmatter, result.problems);
  }
  const parsed = await tools.parse(blankLines(text, split.kind === 'found' ? split.block.endLine : 0), file);
  result.facts = deriveFacts(parsed.tree, headingFacts(parsed.tree));
  // MkDocs' order: the frontmatter's title, else an H1 that opens the page, else the file name.
  const h1 = result.facts.h1;
  result.title = result.data?.title ?? (h1?.leads && h1.text.trim() ? h1.text.trim() : result.title);
  for (const message of parsed.messages) {
    if (!isMarkdownRuleId(message.ruleId))
      throw new Error(`a Markdown plugin gave an unknown rule id: ${message.ruleId}`);
    result.problems.push({
      kind: message.ruleId,
      line: message.line ?? 0,
      column: message.column ?? 0,
      message: message.reason,
      ...(message.fatal ? { error: true as const } : {}),
    });
  }
  result.inputs = Object.fromEntries(
    Object.entries(parsed.inputs).map(([input, content]) => [
      input,
      content === null ? null : digest([content]),
    ]),
  );
  if (render) result.body = await tools.render(parsed.tree, file, parsed.data);
  return result;
}

/**
 * A page's title from its file name, as MkDocs makes it: `how-to_wait.md` → `How to wait`
 * (capitalised only when all lower case), `index.md` → `Index`, the content folder's own `index.md` → `Home`.
 */
export function titleFromFileName(file: string): string {
  if (/^(index|README)\.md$/i.test(file)) return 'Home';
  const stem = path.posix.basename(file).replace(/\.md$/i, '');
  const name = /^(index|README)$/.test(stem) ? 'index' : stem;
  const title = name.replace(/[-_]/g, ' ');
  return title.toLowerCase() === title ? title.charAt(0).toUpperCase() + title.slice(1) : title;
}

function sourceProblem(source: Extract<SourceResult, { ok: false }>): LoadProblem {
  const at = { line: 0, column: 0 };
  switch (source.reason) {
    case 'unreadable':
      return {
        ...at,
        kind: 'file-unreadable',
        message: `the file cannot be read (${source.detail})${/^E(ACCES|PERM)$/.test(source.detail) ? '; check its permissions' : ''}`,
      };
    case 'not-text':
      return {
        ...at,
        kind: 'file-not-text',
        message: `the file is not UTF-8 text (${source.detail}); is it a binary file with a \`.md\` name? If it is text, save it as UTF-8`,
      };
    case 'too-large':
      return {
        ...at,
        kind: 'file-too-large',
        message: `the file is ${source.detail}, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; split it into several articles`,
      };
    case 'empty':
      return {
        ...at,
        kind: 'file-empty',
        message: 'the file is empty; add frontmatter with a `title`, or delete it',
      };
  }
}
