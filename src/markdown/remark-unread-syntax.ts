import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Processor } from 'unified';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';
import { readBlockSyntaxes } from './block-syntax.ts';

/** What `remarkUnreadSyntax` needs: the extensions `mkdocs.yml` enables. */
export interface UnreadSyntaxOptions {
  extensions: Record<string, unknown>;
}

/** Material syntax at the start of a line, what it is, and the extension that reads it (none: not supported). */
const SYNTAX: { pattern: RegExp; what: string; extension: string | undefined }[] = [
  { pattern: /^!!! ?[\p{L}\p{N}_-]/u, what: 'an admonition', extension: 'admonition' },
  { pattern: /^\?{3}\+? ?["\p{L}\p{N}_-]/u, what: 'a collapsible block', extension: 'pymdownx.details' },
  { pattern: /^={3}[!+]{0,2} +["“]/, what: 'a tab', extension: 'pymdownx.tabbed' },
  { pattern: /^\[TOC\]\s*$/, what: 'a table of contents marker', extension: 'toc' },
  { pattern: /^\*\[[^\]]*\] ?:/, what: 'an abbreviation', extension: 'abbr' },
  { pattern: /^;?-+8<-+( |$)/, what: 'a snippet', extension: 'pymdownx.snippets' },
  { pattern: /^\{:?[ ]*[#.][^}\n]*\}\s*$/, what: 'an attribute list', extension: 'attr_list' },
  { pattern: /^\/{3,} *[a-z][\w-]*(?: *\|.*)?$/, what: 'a pymdownx.blocks block', extension: undefined },
];

/**
 * Warns, at its line, about Material syntax that is still text once the block extensions ran:
 * a marker where no extension reads it (`!!! note` in a block quote, an attribute list after a
 * code block), a marker of an extension that `mkdocs.yml` does not enable (MkDocs shows it as
 * text too, but the author surely meant it), or syntax this site does not read at all
 * (pymdownx.blocks' `/// admonition`). The page then shows the text as MkDocs would.
 *
 * ```md
 * > !!! note
 * >     In a block quote: stays text here.
 * ```
 *
 * gives `article.md:1:3  warning  \`!!! note\` is not read as an admonition here …`.
 */
export function remarkUnreadSyntax(this: Processor, options: UnreadSyntaxOptions) {
  return (tree: Root, file: VFile) => {
    readBlockSyntaxes(this, tree, file);
    const lines = String(file.value).split(/\r?\n/);
    visit(tree, 'paragraph', (node) => {
      const start = node.position?.start;
      if (!start) return;
      // The paragraph's own text, line by line (text from a snippet is not in the file).
      toString(node)
        .split('\n')
        .forEach((text, index) => {
          const syntax = SYNTAX.find((each) => each.pattern.test(text.trim()));
          if (!syntax) return;
          const line = start.line + index;
          const column = index === 0 ? start.column : (lines[line - 1] ?? '').indexOf(text.trim()) + 1;
          file.message(explain(text.trim(), syntax, options.extensions), {
            place: { line, column: Math.max(column, 1) },
            ruleId: 'markdown-syntax-unread',
            source: 'proven-kb',
          });
        });
    });
  };
}

function explain(text: string, syntax: (typeof SYNTAX)[number], extensions: Record<string, unknown>): string {
  const shown = `\`${text.length > 40 ? `${text.slice(0, 40)}…` : text}\``;
  if (syntax.extension === undefined)
    return `${shown} looks like ${syntax.what}, which this site does not read; it shows as text`;
  if (!(syntax.extension in extensions)) {
    return `${shown} looks like ${syntax.what}, but \`${syntax.extension}\` is not enabled in mkdocs.yml, so it shows as text (as in MkDocs)`;
  }
  return `${shown} is not read as ${syntax.what} here and shows as text; check its indentation and the blank line before it`;
}
