import { getCollection, getEntry, render } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../pipeline/site-model.ts';
import { renderedFacts } from './rendered-facts.ts';

let built: Promise<SiteModel> | undefined;

/**
 * The site model; drafts show only in `astro dev` and preview builds (`KB_DRAFTS=1`). A build
 * makes it once for all its pages; the dev server makes it per request, so it sees every edit.
 */
export function loadSiteModel(): Promise<SiteModel> {
  if (import.meta.env.DEV) return buildFromContent();
  return (built ??= buildFromContent());
}

async function buildFromContent(): Promise<SiteModel> {
  const entries = await getCollection('kb');
  return buildSiteModel(
    entries.map((entry) => ({
      id: entry.id,
      data: entry.data,
      ...renderedFacts(entry.rendered?.metadata?.['frontmatter']),
    })),
    { includeDrafts: import.meta.env['KB_INCLUDE_DRAFTS'] === true },
  );
}

/** Renders one entry's Markdown body. */
export async function renderEntry(id: string) {
  const entry = await getEntry('kb', id);
  if (!entry) throw new Error(`No content entry \`${id}\`.`);
  return render(entry);
}
