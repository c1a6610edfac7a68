import { existsSync, readFileSync, statSync } from 'node:fs';
import { recordInput } from './file-inputs.ts';
import path from 'node:path';
import type { Code, Paragraph, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import {
  type BlockCursor,
  type BlockEngine,
  type BlockSyntax,
  readBlockSyntaxes,
  useBlockSyntax,
} from './block-syntax.ts';
import { collapsedFragment, leadingWhitespace, subFragment } from './source-fragment.ts';

/** pymdownx.snippets' options, as `mkdocs.yml` gives them, and how to read files. */
export interface SnippetsOptions {
  /** Folders the snippet paths are relative to, tried in order (relative to `projectDir`). */
  base_path?: string | string[];
  /** Files appended to every page (a glossary of abbreviations, typically). */
  auto_append?: string[];
  /** A missing snippet is an error rather than a warning (MkDocs then fails the build). */
  check_paths?: boolean;
  /** Refuse paths that leave the base folders (`../`), as pymdownx does by default. */
  restrict_base_path?: boolean;
  /** Downloading snippets from URLs: never done here; such a snippet gets a warning. */
  url_download?: boolean;
  /** The folder `base_path` is relative to: the MkDocs project's (where `mkdocs.yml` is). Default: the working folder. */
  projectDir?: string;
  /** Reads a snippet file by absolute path, or says it does not exist (`undefined`). Default: the file system, as UTF-8. */
  readFile?: (file: string) => string | undefined;
}

const MARKER = String.raw`-{1,}8<-{1,}`;
/** `--8<-- "file.md"`, or `;--8<-- "file.md"` (escaped: shown, not included). */
const INLINE = new RegExp(String.raw`^(;*)${MARKER}[ \t]+("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')$`);
/** `--8<--` alone: opens and closes a block of paths, one per line. */
const BLOCK = new RegExp(`^${MARKER}$`);
/** `--8<-- [start:name]` / `[end:name]`: section markers, never shown. */
const SECTION = new RegExp(
  String.raw`^(.*?);*${MARKER}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\].*$`,
  'i',
);
/** A path's line selection (`file.py:3:8`, `file.py:3:,10:12`) or section (`file.md:intro`). */
const SELECTION =
  /^(.*?)(?:((?::-?[0-9]*){1,2}(?:,(?=[-0-9:])-?[0-9]*(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$/i;

/**
 * pymdownx.snippets: text included from other files.
 *
 * ```md
 * --8<-- "notes/disclaimer.md"
 *
 * ```py
 * --8<-- "examples/gather.py"
 * ```
 * ```
 *
 * A marker line in the text is replaced by the file's Markdown, read with every block syntax
 * (its nodes are placed at the marker's line); one inside a fenced block is replaced by the
 * file's lines, so an included example runs like any other. `--8<--` alone opens and closes a
 * block of paths; `file:3:8` takes lines 3 to 8 and `file:name` the section between
 * `--8<-- [start:name]` and `--8<-- [end:name]`. `auto_append` files are added at the end of
 * every page. Files are read through `readFile`, the file system by default; a missing file is
 * a warning (an error with `check_paths`), and a URL is never downloaded.
 */
export function remarkSnippets(this: Processor, options: SnippetsOptions = {}) {
  useBlockSyntax(this, snippetsSyntax(options));
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
  };
}

function snippetsSyntax(options: SnippetsOptions): BlockSyntax {
  const projectDir = options.projectDir ?? process.cwd();
  const bases = [options.base_path ?? '.'].flat().map((base) => path.resolve(projectDir, base));
  const readFile = options.readFile ?? readFromDisk;
  // The snippets being included, per page, so that a file including itself stops.
  const including = new WeakMap<BlockEngine, string[]>();

  /** The text of a snippet path, or undefined (after a message) when it cannot be had. */
  const load = (
    engine: BlockEngine,
    written: string,
    place: Position,
  ): { file: string; text: string } | undefined => {
    const selection = SELECTION.exec(written.trim());
    const name = selection?.[1]?.trim() ?? '';
    if (/^https?:\/\//i.test(name)) {
      engine.file.message(
        `snippet \`${name}\` is a URL; URLs are not downloaded, so the snippet is left out`,
        {
          place,
          ruleId: 'snippet-url',
          source: 'proven-kb',
        },
      );
      return undefined;
    }
    for (const base of bases) {
      const file = path.resolve(base, name);
      if (options.restrict_base_path !== false && !file.startsWith(base + path.sep)) continue;
      const text = readFile(file);
      recordInput(engine.file, file, text);
      if (text === undefined) continue;
      return { file, text: select(text, selection?.[2], selection?.[3]?.slice(1)) };
    }
    const message = engine.file.message(
      `snippet \`${name}\` is not found in ${bases.map((base) => `\`${path.relative(projectDir, base) || '.'}\``).join(', ')}`,
      { place, ruleId: 'snippet-missing', source: 'proven-kb' },
    );
    message.fatal = options.check_paths === true;
    return undefined;
  };

  /** The blocks of the snippets named by `paths`, placed at `place`. */
  const include = (engine: BlockEngine, paths: string[], place: Position): RootContent[] => {
    const stack = including.get(engine) ?? [];
    including.set(engine, stack);
    const nodes: RootContent[] = [];
    for (const written of paths) {
      const loaded = load(engine, written, place);
      if (!loaded || stack.includes(loaded.file)) continue;
      engine.addLabels(loaded.text);
      stack.push(loaded.file);
      try {
        nodes.push(...engine.blocks(collapsedFragment(withoutSections(loaded.text), place)));
      } finally {
        stack.pop();
      }
    }
    return nodes;
  };

  return {
    name: 'pymdownx.snippets',
    // pymdownx reads snippets before anything else, as a preprocessor.
    priority: 300,
    opens: (text) => INLINE.test(text) || BLOCK.test(text),
    read(cursor) {
      if (cursor.node.type === 'code')
        return readInCode(cursor, (written, place) => includedLines(cursor.engine, written, place));
      if (cursor.node.type !== 'paragraph') return false;
      const inline = INLINE.exec(cursor.text);
      if (inline?.[1]) {
        // Escaped: the line is shown, one `;` fewer, and not read as a snippet again.
        const shown = subFragment(cursor.fragment, [{ line: cursor.line, start: cursor.indent + 1 }]);
        const paragraph: Paragraph = {
          type: 'paragraph',
          children: cursor.engine.phrasing(shown),
          position: linePlace(cursor, cursor.line),
        };
        cursor.take({ line: cursor.line }, [paragraph]);
        return true;
      }
      const place = linePlace(cursor, cursor.line);
      if (inline) {
        cursor.take({ line: cursor.line }, include(cursor.engine, [inline[2]!.slice(1, -1)], place));
        return true;
      }
      if (!BLOCK.test(cursor.text)) return false;
      const paths: string[] = [];
      let line = cursor.line + 1;
      for (; line <= cursor.end.line; line++) {
        const text = (cursor.fragment.lines[line - 1] ?? '').trim();
        if (BLOCK.test(text)) break;
        if (text !== '' && !text.startsWith(';')) paths.push(text);
      }
      const last = Math.min(line, cursor.end.line);
      cursor.take(
        { line: last },
        include(cursor.engine, paths, { start: place.start, end: linePlace(cursor, last).end }),
      );
      return true;
    },
    end(root, engine) {
      if (!options.auto_append?.length) return;
      root.children.push(...include(engine, options.auto_append, endOfFile(String(engine.file.value))));
    },
  };

  /** The lines of a snippet included in a fenced block, or undefined when it cannot be had. */
  function includedLines(engine: BlockEngine, written: string, place: Position): string[] | undefined {
    const loaded = load(engine, written, place);
    return (
      loaded &&
      withoutSections(loaded.text)
        .replace(/\r?\n$/, '')
        .split(/\r?\n/)
    );
  }
}

/** The empty place right after the file's last character, where appended snippets go. */
function endOfFile(source: string): Position {
  const lines = source.split(/\r?\n/);
  const point = { line: lines.length, column: (lines.at(-1) ?? '').length + 1, offset: source.length };
  return { start: point, end: { ...point } };
}

/** Replaces snippet lines inside a fenced block by the files' lines, indented as the marker was. */
function readInCode(
  cursor: BlockCursor,
  linesOf: (written: string, place: Position) => string[] | undefined,
): boolean {
  const code = cursor.node as Code;
  const position = code.position!;
  let changed = false;
  const value = code.value
    .split('\n')
    .flatMap((line) => {
      const space = leadingWhitespace(line);
      const match = INLINE.exec(line.slice(space.length));
      if (!match) return [line];
      changed = true;
      if (match[1]) return [space + line.slice(space.length + 1)];
      return (linesOf(match[2]!.slice(1, -1), placeOf(cursor, position)) ?? []).map(
        (included) => space + included,
      );
    })
    .join('\n');
  if (!changed) return false;
  const included: Code = { ...code, value, position: placeOf(cursor, position) };
  cursor.take({ line: position.end.line }, [included]);
  return true;
}

function placeOf(cursor: BlockCursor, position: Position): Position {
  return {
    start: cursor.engine.point(cursor.fragment, position.start.line, position.start.column, 'start'),
    end: cursor.engine.point(cursor.fragment, position.end.line, position.end.column, 'end'),
  };
}

/** A whole line of the fragment, in the file. */
function linePlace(cursor: BlockCursor, line: number): Position {
  const text = cursor.fragment.lines[line - 1] ?? '';
  return {
    start: cursor.engine.point(cursor.fragment, line, cursor.indent + 1, 'start'),
    end: cursor.engine.point(cursor.fragment, line, text.length + 1, 'end'),
  };
}

/** The lines or the section a path selects (`:3:8`, `:3:,10:12`, `:intro`), or the whole text. */
function select(text: string, lines: string | undefined, section: string | undefined): string {
  const all = text.split(/\r?\n/);
  if (section) {
    const start = all.findIndex((line) => sectionMarker(line)?.join(':') === `start:${section}`);
    if (start === -1) return '';
    const end = all.findIndex(
      (line, index) => index > start && sectionMarker(line)?.join(':') === `end:${section}`,
    );
    return all.slice(start + 1, end === -1 ? undefined : end).join('\n');
  }
  if (!lines) return text;
  const total = all.length;
  return lines
    .slice(1)
    .split(',')
    .flatMap((span) => {
      const [from = '', to = ''] = span.split(':');
      const first =
        from === ''
          ? 0
          : Number(from) < 0
            ? Math.max(total + Number(from), 0)
            : Math.max(Number(from) - 1, 0);
      const last = to === '' ? total : Number(to) < 0 ? Math.max(total + 1 + Number(to), 0) : Number(to);
      return all.slice(first, last);
    })
    .join('\n');
}

function sectionMarker(line: string): [string, string] | undefined {
  const match = SECTION.exec(line);
  return match ? [match[2]!.toLowerCase(), match[3]!] : undefined;
}

/** The text without its section markers, which pymdownx never shows. */
function withoutSections(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !sectionMarker(line))
    .join('\n');
}

function readFromDisk(file: string): string | undefined {
  return existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : undefined;
}
