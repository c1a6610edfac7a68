import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import { SKIP, visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import type { Abbreviation, AbbreviationDefinition } from './mdast-block-extensions.ts';
import { type BlockSyntax, readBlockSyntaxes, useBlockSyntax } from './block-syntax.ts';

/** Python-Markdown's `abbr` options, as `mkdocs.yml` gives them. */
export interface AbbrOptions {
  /** Abbreviations every page knows, by abbreviation (Python-Markdown 3.6's `glossary`). */
  glossary?: Record<string, string>;
}

/** `*[HTML]: Hyper Text Markup Language`; the title may start on the next line. */
const DEFINITION = /^\*\[([^\]]*)\] ?:[ ]*(.*)$/;
/** A character of Python's `\w`. */
const WORD = String.raw`[\p{L}\p{N}_]`;

/**
 * Python-Markdown's `abbr`: abbreviations, defined once and marked up wherever they occur.
 *
 * ```md
 * The API returns JSON.
 *
 * *[API]: Application Programming Interface
 * *[JSON]: JavaScript Object Notation
 * ```
 *
 * Each definition (anywhere in the page, in a container, or in a file that pymdownx.snippets
 * appends) becomes an `abbreviationDefinition` node while the blocks are read, and is then
 * removed; every whole-word occurrence in the text (headings, links' text and titles included,
 * code and URLs excepted) becomes an `abbreviation` node, rendered
 * `<abbr title="Application Programming Interface">API</abbr>`. The longest abbreviation wins
 * where two overlap; a later definition replaces an earlier one, and a title of `""` removes it.
 */
export function remarkAbbr(this: Processor, options: AbbrOptions = {}) {
  useBlockSyntax(this, abbrSyntax());
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    const titles = new Map(Object.entries(options.glossary ?? {}));
    visit(tree, 'abbreviationDefinition', (node, index, parent) => {
      if (node.title === '""' || node.title === "''") titles.delete(node.abbreviation);
      else titles.set(node.abbreviation, node.title);
      parent!.children.splice(index!, 1);
      return index;
    });
    if (titles.size > 0) markAbbreviations(tree, titles);
  };
}

function abbrSyntax(): BlockSyntax {
  return {
    name: 'abbr',
    priority: 16,
    opens: (text) => DEFINITION.test(text),
    read(cursor) {
      const match = cursor.node.type === 'paragraph' ? DEFINITION.exec(cursor.text) : null;
      if (!match) return false;
      let title = match[2]!.trim();
      let lastLine = cursor.line;
      const next = cursor.fragment.lines[cursor.line];
      if (title === '' && next !== undefined && cursor.line < cursor.node.position!.end.line) {
        title = next.trim();
        lastLine++;
      }
      const abbreviation = match[1]!.trim();
      const definition: AbbreviationDefinition = {
        type: 'abbreviationDefinition',
        abbreviation,
        title,
        position: {
          start: cursor.engine.point(cursor.fragment, cursor.line, cursor.indent + 1, 'start'),
          end: cursor.engine.point(
            cursor.fragment,
            lastLine,
            (cursor.fragment.lines[lastLine - 1] ?? '').length + 1,
            'end',
          ),
        },
      };
      // Python-Markdown drops a definition without an abbreviation or a title, but still removes its line.
      cursor.take({ line: lastLine }, abbreviation && title ? [definition] : []);
      return true;
    },
  };
}

/** Splits every text node around the abbreviations it contains. */
function markAbbreviations(tree: Root, titles: Map<string, string>): void {
  const pattern = abbreviationPattern([...titles.keys()]);
  visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
    if (node.type === 'abbreviation') return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return undefined;
    const pieces = splitText(node, pattern, titles);
    if (!pieces) return undefined;
    parent.children.splice(index, 1, ...pieces);
    return index + pieces.length;
  });
}

/**
 * One pattern for all abbreviations, longest first, each between word boundaries as Python's
 * `\b` places them: before a word character, after a non-word one, and the other way round.
 */
function abbreviationPattern(abbreviations: string[]): RegExp {
  const word = new RegExp(`^${WORD}$`, 'u');
  const alternatives = abbreviations
    .sort((a, b) => b.length - a.length)
    .map((abbreviation) => {
      const first = [...abbreviation][0] ?? '';
      const last = [...abbreviation].at(-1) ?? '';
      const before = word.test(first) ? `(?<!${WORD})` : `(?<=${WORD})`;
      const after = word.test(last) ? `(?!${WORD})` : `(?=${WORD})`;
      return `${before}${abbreviation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${after}`;
    });
  return new RegExp(alternatives.join('|'), 'gu');
}

/** The text split around its abbreviations, or undefined when it has none. */
function splitText(node: Text, pattern: RegExp, titles: Map<string, string>): PhrasingContent[] | undefined {
  const pieces: PhrasingContent[] = [];
  let from = 0;
  for (const match of node.value.matchAll(pattern)) {
    if (match.index > from) pieces.push({ type: 'text', value: node.value.slice(from, match.index) });
    const title = titles.get(match[0])!;
    const abbreviation: Abbreviation = {
      type: 'abbreviation',
      title,
      children: [{ type: 'text', value: match[0] }],
      data: { hName: 'abbr', hProperties: { title } },
    };
    pieces.push(abbreviation);
    from = match.index + match[0].length;
  }
  if (pieces.length === 0) return undefined;
  if (from < node.value.length) pieces.push({ type: 'text', value: node.value.slice(from) });
  return pieces;
}
