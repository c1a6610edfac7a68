import type { MarkdownOptions } from '../model/load-content.ts';
import type { SiteSettings } from './settings.ts';

/** How the site's Markdown reads, from its settings: the check, the build and the dev server use this one. */
export function markdownOptionsOf(
  settings: Pick<SiteSettings, 'markdownExtensions' | 'mkdocs' | 'base' | 'themeFeatures'>,
  root: string,
): MarkdownOptions {
  return {
    extensions: settings.markdownExtensions,
    // Snippet paths are relative to where MkDocs runs: the folder of mkdocs.yml.
    projectDir: settings.mkdocs?.dir ?? root,
    features: settings.themeFeatures,
    base: settings.base,
  };
}
