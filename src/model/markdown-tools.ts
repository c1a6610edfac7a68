import type { MarkdownExtensions } from '../markdown/block-extensions.ts';
import type { BodyRenderer } from '../markdown/render-body.ts';
import { useMemoizingShikiEngine } from '../markdown/shiki-engine-hook.ts';
import type { MarkdownTools } from './load-document.ts';
import { siteUrlOfLink } from './links.ts';

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

/**
 * Makes the parser and the renderer of a run from the site's Markdown options, loading remark
 * as it does: a run that parses nothing never calls it. The renderer (and shiki with it) loads
 * on its first body, so that a check, which renders none, never loads it.
 */
export async function createMarkdownTools(options: MarkdownOptions): Promise<MarkdownTools> {
  const { createMarkdownParser } = await import('../markdown/parse-markdown.ts');
  let renderer: Promise<BodyRenderer> | undefined;
  const loadRenderer = async () => {
    // Before the renderer's module, which loads Astro's highlighter, so that it takes effect.
    useMemoizingShikiEngine();
    return import('../markdown/render-body.ts').then(({ createBodyRenderer }) =>
      createBodyRenderer({
        rewriteLink: (url, file) => siteUrlOfLink(url, file, options.base),
        extensions: options.extensions,
      }),
    );
  };
  return {
    parse: createMarkdownParser({
      extensions: options.extensions,
      projectDir: options.projectDir,
      features: options.features,
    }),
    render: async (tree, file, data) => (await (renderer ??= loadRenderer()))(tree, file, data),
  };
}
