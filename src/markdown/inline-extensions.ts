import type { PluggableList } from 'unified';
import { rehypeCodeAnnotations } from './rehype-code-annotations.ts';
import { rehypeCodeLineAnchors, type CodeLineAnchorOptions } from './rehype-code-line-anchors.ts';
import { remarkArithmatex, type ArithmatexOptions } from './remark-arithmatex.ts';
import { remarkBetterEm, type BetterEmOptions } from './remark-better-em.ts';
import { remarkCaret, type CaretOptions } from './remark-caret.ts';
import { remarkCodeAnnotations } from './remark-code-annotations.ts';
import { remarkCustomFences, type SuperfencesOptions } from './remark-custom-fences.ts';
import { remarkEmoji, type EmojiOptions } from './remark-emoji.ts';
import { remarkGfmSyntax } from './remark-gfm-syntax.ts';
import { remarkInlineHilite } from './remark-inline-hilite.ts';
import { remarkKeys, type KeysOptions } from './remark-keys.ts';
import { remarkMark, type MarkOptions } from './remark-mark.ts';
import { remarkTasklist, type TasklistOptions } from './remark-tasklist.ts';
import { remarkTilde, type TildeOptions } from './remark-tilde.ts';
import { annotationMarkerTransformer } from './shiki-annotation-markers.ts';
import {
  highlightOptionTransformers,
  type HighlightOptions,
  type ShikiTransformer,
} from './shiki-highlight-options.ts';

/** What the site knows besides the extensions' options. */
export interface InlineExtensionContext {
  /** Material's `theme.features`; `content.code.annotate` gives every code block annotations. */
  features?: readonly string[];
  /** The MkDocs project folder, which paths in options (`custom_icons`) are relative to. */
  baseDir?: string;
  /** Whether a code block has an annotation list, when the caller knows; otherwise any block with a marker may. */
  annotated?: (code: string) => boolean;
}

/** The steps that render the inline and code extensions, for the three places Astro runs steps. */
export interface InlineExtensionSteps {
  /** Remark plugins, in order: after the block extensions, before the model reads the tree. */
  remarkPlugins: PluggableList;
  /** Rehype plugins, in order: after shiki (where Astro runs `rehypePlugins`). */
  rehypePlugins: PluggableList;
  /** For Astro's `shikiConfig.transformers`. */
  shikiTransformers: ShikiTransformer[];
}

/**
 * The plugins for the inline and code extensions that `mkdocs.yml` enables, keyed by their
 * Python-Markdown names (`pymdownx.mark`, …) with their options as `mkdocs.yml` gives them.
 *
 * Remark plugins, in this order:
 * 1. Syntax first: GFM's, without strikethrough (MkDocs has none; pymdownx.tilde reads `~`
 *    its own way), without task lists unless `pymdownx.tasklist` is on, because MkDocs leaves
 *    `[ ]` as text without it, and without bare-address links unless `pymdownx.magiclink` is
 *    on. The syntax extensions (betterem, mark, caret, tilde, keys, emoji, arithmatex) only register
 *    micromark constructs, so they take effect in every parse of the processor, admonition
 *    bodies included, whatever their place in the list. Arithmatex also typesets its math in
 *    its transform; the others make their nodes while parsing.
 * 2. Task lists, once the tree holds GFM's `checked` items; inline code's language prefixes
 *    (`#!python …`, pymdownx.inlinehilite) off the code, which the render step colours.
 * 3. Custom fences (Mermaid) before code annotations and before anything that treats `code`
 *    nodes as examples: a diagram is not code, is never highlighted, annotated or run.
 * 4. Code annotations last: they pair a code block with the ordered list after it, and move
 *    the list past the block's output block so that the model still pairs code and output.
 *
 * Rehype plugins run after shiki: code annotations (marker links; the list back under its
 * code), then line ids and anchors (`anchor_linenums`, `line_spans`), which count shiki's
 * blocks in page order as pymdownx does. Shiki transformers: annotation markers, `hl_lines`
 * and `linenums`, read from each fence's meta.
 */
export function inlineExtensionPlugins(
  extensions: Record<string, Record<string, unknown> | null | undefined>,
  context: InlineExtensionContext = {},
): InlineExtensionSteps {
  const on = (name: string) => name in extensions;
  const options = <T>(name: string) => (extensions[name] ?? {}) as T;
  // GFM strikethrough is never MkDocs' syntax: without pymdownx.tilde `~~x~~` is text, and with it
  // `~sub~` is a subscript, which GFM would read as deleted text. Bare addresses are links only
  // with pymdownx.magiclink, which GFM's autolink literals stand in for. First: the syntax
  // extensions after it are tried after GFM's constructs on the same character.
  const remarkPlugins: PluggableList = [
    [remarkGfmSyntax, { taskLists: on('pymdownx.tasklist'), bareAddresses: on('pymdownx.magiclink') }],
  ];
  if (on('pymdownx.betterem'))
    remarkPlugins.push([remarkBetterEm, options<BetterEmOptions>('pymdownx.betterem')]);
  if (on('pymdownx.tilde')) remarkPlugins.push([remarkTilde, options<TildeOptions>('pymdownx.tilde')]);
  if (on('pymdownx.mark')) remarkPlugins.push([remarkMark, options<MarkOptions>('pymdownx.mark')]);
  if (on('pymdownx.caret')) remarkPlugins.push([remarkCaret, options<CaretOptions>('pymdownx.caret')]);
  if (on('pymdownx.keys')) remarkPlugins.push([remarkKeys, options<KeysOptions>('pymdownx.keys')]);
  if (on('pymdownx.emoji'))
    remarkPlugins.push([
      remarkEmoji,
      {
        ...options<EmojiOptions>('pymdownx.emoji'),
        ...(context.baseDir ? { baseDir: context.baseDir } : {}),
      },
    ]);
  if (on('pymdownx.arithmatex'))
    remarkPlugins.push([remarkArithmatex, options<ArithmatexOptions>('pymdownx.arithmatex')]);
  if (on('pymdownx.tasklist'))
    remarkPlugins.push([remarkTasklist, options<TasklistOptions>('pymdownx.tasklist')]);
  if (on('pymdownx.inlinehilite')) remarkPlugins.push(remarkInlineHilite);
  if (on('pymdownx.superfences'))
    remarkPlugins.push([remarkCustomFences, options<SuperfencesOptions>('pymdownx.superfences')]);
  const annotateAll = context.features?.includes('content.code.annotate') ?? false;
  remarkPlugins.push([remarkCodeAnnotations, { all: annotateAll }]);

  // pymdownx.superfences loads pymdownx.highlight itself, with its defaults.
  const highlighting = on('pymdownx.highlight') || on('pymdownx.superfences');
  const highlight = options<HighlightOptions & CodeLineAnchorOptions>('pymdownx.highlight');
  const rehypePlugins: PluggableList = [rehypeCodeAnnotations];
  if (highlighting) rehypePlugins.push([rehypeCodeLineAnchors, highlight]);
  const shikiTransformers = [
    annotationMarkerTransformer(context.annotated),
    ...(highlighting ? highlightOptionTransformers(highlight) : []),
  ];
  return { remarkPlugins, rehypePlugins, shikiTransformers };
}
