import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Frontmatter } from '../model/frontmatter.ts';
import type { RenderedFacts } from './rendered-facts.ts';

/** A Markdown file of the content folder, as the pages need it. */
export interface ContentEntry {
  /** The path without `.md` (`topic/slug`). */
  id: string;
  data: Frontmatter;
}

/** A rendered Markdown body. */
export interface RenderedEntry {
  html: string;
  headings: MarkdownHeading[];
  /** What the remark plugins recorded while rendering it. */
  facts: RenderedFacts;
}

/** What the integration gives the pages: the content's entries, and their bodies rendered on demand. */
export interface ContentSource {
  entries(): Promise<readonly ContentEntry[]>;
  render(id: string): Promise<RenderedEntry>;
  /** What rendering records about a body, without reading its HTML when it was rendered before. */
  facts(id: string): Promise<RenderedFacts>;
}

// On `globalThis`: the pages are bundled apart from the integration, so they do not share its modules.
const KEY = Symbol.for('proven-kb.content-source');

/** Makes `source` the one the pages read (called by the integration). */
export function provideContentSource(source: ContentSource): void {
  (globalThis as Record<symbol, unknown>)[KEY] = source;
}

/** The content source the integration provided. */
export function contentSource(): ContentSource {
  const source = (globalThis as Record<symbol, unknown>)[KEY] as ContentSource | undefined;
  if (!source) {
    throw new Error(
      'No content source: the pages are built by the knowledge-base integration; keep `knowledgeBase(settings)` in the integrations of astro.config.mjs.',
    );
  }
  return source;
}
