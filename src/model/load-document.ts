import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostic } from '../checks/diagnostics.ts';
import { extractFacts, type DocumentFacts } from './document-facts.ts';
import { frontmatterSchema, type Frontmatter } from './frontmatter.ts';
import type { MarkdownParser } from '../markdown/parse-markdown.ts';
import type { DocumentCache, LoadFinding } from './document-cache.ts';
import { MAX_FILE_BYTES, readSource } from './read-source.ts';
import { routeForContentFile, type Route } from './routes.ts';
import type { RuleId } from '../checks/rule-ids.ts';
import {
  blankLines,
  placesOf,
  positionOfField,
  splitFrontmatter,
  toFilePosition,
  type FrontmatterBlock,
  type FrontmatterPlaces,
} from './split-frontmatter.ts';

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
  facts: DocumentFacts | undefined;
}

/** What loading needs: where files are and how to parse them. */
export interface LoadContext {
  contentDir: string;
  cwd: string;
  topics: ReadonlySet<string>;
  /** The Markdown parser, made (and its modules loaded) only when a document is not in the cache. */
  parser: () => Promise<MarkdownParser>;
  cache: DocumentCache;
}

/** Reads and parses one content file, reporting what is wrong with it. */
export async function loadDocument(
  file: string,
  context: LoadContext,
  report: (d: Diagnostic) => void,
): Promise<ContentDocument> {
  const absolute = path.join(context.contentDir, file);
  const displayPath = toPosix(path.relative(context.cwd, absolute)) || file;
  const doc: ContentDocument = {
    file,
    displayPath,
    route: routeForContentFile(file, context.topics),
    text: undefined,
    frontmatter: undefined,
    data: undefined,
    facts: undefined,
  };
  const findings: LoadFinding[] = [];
  const at = (line: number, column: number, ruleId: RuleId, message: string) => {
    findings.push({ line, column, ruleId, message });
    report({ file: displayPath, line, column, severity: 'error', ruleId, message });
  };

  const source = await readSource(absolute);
  if (!source.ok) {
    const messages = {
      unreadable: [
        `the file cannot be read (${source.detail})${/^E(ACCES|PERM)$/.test(source.detail) ? '; check its permissions' : ''}`,
        'file-unreadable',
      ],
      'not-text': [
        `the file is not UTF-8 text (${source.detail}); is it a binary file with a \`.md\` name? If it is text, save it as UTF-8`,
        'file-not-text',
      ],
      'too-large': [
        `the file is ${source.detail}, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit; split it into several articles`,
        'file-too-large',
      ],
      empty: ['the file is empty; add frontmatter with a `title`, or delete it', 'file-empty'],
    } as const;
    const [message, ruleId] = messages[source.reason];
    at(0, 0, ruleId, message);
    return doc;
  }
  doc.text = source.text;

  const key = context.cache.key(file, source.text);
  const cached = context.cache.get(key);
  if (cached) {
    Object.assign(doc, { frontmatter: cached.frontmatter, data: cached.data, facts: cached.facts });
    for (const finding of cached.findings) at(finding.line, finding.column, finding.ruleId, finding.message);
    return doc;
  }
  parseInto(doc, source.text, await context.parser(), at);
  context.cache.set(key, { frontmatter: doc.frontmatter, data: doc.data, facts: doc.facts, findings });
  return doc;
}

/** Validates the frontmatter and parses the body of a document that is not in the cache. */
function parseInto(
  doc: ContentDocument,
  text: string,
  parse: MarkdownParser,
  at: (line: number, column: number, ruleId: RuleId, message: string) => void,
): void {
  const split = splitFrontmatter(text);
  if (split.kind === 'unclosed') {
    at(
      1,
      1,
      'frontmatter-unclosed',
      'the frontmatter opened with `---` never closes; add a line with `---` after the last field',
    );
    return;
  }
  if (split.kind === 'none') {
    at(
      1,
      1,
      'frontmatter-missing',
      'the file has no frontmatter; start it with `---`, a `title:` line, and `---`',
    );
  } else {
    doc.frontmatter = placesOf(split.block);
    doc.data = validateFrontmatter(split.block, doc.frontmatter, at);
  }

  const bodyText = blankLines(text, split.kind === 'found' ? split.block.endLine : 0);
  doc.facts = extractFacts(parse(bodyText), doc.data?.title);
}

function validateFrontmatter(
  block: FrontmatterBlock,
  places: FrontmatterPlaces,
  at: (line: number, column: number, ruleId: RuleId, message: string) => void,
): Frontmatter | undefined {
  const yamlError = block.document.errors[0];
  if (yamlError) {
    const { line, column } = toFilePosition(block, yamlError.pos[0]);
    const reason =
      yamlError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    const hint = /\btabs?\b/i.test(reason)
      ? '; indent with spaces'
      : /\t/.test(block.yaml)
        ? '; YAML does not allow tabs for indentation, use spaces'
        : '';
    at(line, column, 'frontmatter-yaml', `the frontmatter is not valid YAML: ${reason}${hint}`);
    return undefined;
  }
  const raw: unknown = block.document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    at(
      block.startLine,
      1,
      'frontmatter-field',
      `the frontmatter must be \`field: value\` lines, such as \`title: …\`; found ${describeValue(raw)}`,
    );
    return undefined;
  }
  const result = frontmatterSchema.safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    const { line, column } = positionOfField(places, field || undefined);
    at(line, column, 'frontmatter-field', describeIssue(issue, raw as Record<string, unknown>));
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  const fieldPath = issue.path.map(String).join('.');
  const field = String(issue.path[0] ?? '');
  if (field && !(field in raw)) return `\`${fieldPath}\` is missing: ${issue.message}`;
  const found = 'input' in issue ? issue.input : undefined;
  return `\`${fieldPath}\`: ${issue.message}, found ${describeValue(found)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (value instanceof Date) return `the date \`${value.toISOString().slice(0, 10)}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `\`${String(value)}\``;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
