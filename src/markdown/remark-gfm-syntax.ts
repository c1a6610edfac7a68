import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/** Options of {@link remarkGfmSyntax}: the GFM syntax that only an extension gives MkDocs. */
export interface GfmSyntaxOptions {
  /** `- [ ] todo` as a task list item: `pymdownx.tasklist`. */
  taskLists: boolean;
  /** `https://…`, `www.…` and `name@host` as links: `pymdownx.magiclink`. */
  bareAddresses: boolean;
}

/**
 * The parts of GFM's syntax that MkDocs reads: tables and footnotes always, task lists and bare
 * addresses with the extensions that add them, and never strikethrough.
 *
 * ```md
 * ~~old~~, - [ ] todo, https://example.org/*a*   →  text, text, an address with <em>a</em> in it
 * ```
 *
 * Syntax MkDocs lacks is never registered, rather than read and then undone: its characters
 * stay for the syntax MkDocs does read (emphasis in an address, a subscript's `~`), and the
 * parser does not try an email address at every word, which took a fifth of its time.
 */
export function remarkGfmSyntax(this: Processor, options: GfmSyntaxOptions) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(
    gfmFootnote(),
    gfmTable(),
    ...(options.taskLists ? [gfmTaskListItem()] : []),
    ...(options.bareAddresses ? [gfmAutolinkLiteral()] : []),
  );
  (data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmTableFromMarkdown(),
    ...(options.taskLists ? [gfmTaskListItemFromMarkdown()] : []),
    ...(options.bareAddresses ? [gfmAutolinkLiteralFromMarkdown()] : []),
  );
}
