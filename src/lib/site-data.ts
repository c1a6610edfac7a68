import { getCollection, getEntry, render } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../pipeline/site-model.ts';
import { renderedFacts } from './rendered-facts.ts';

/** Loads every content entry and builds the site model; drafts show only in `astro dev` and preview builds (`KB_DRAFTS=1`). */
export async function loadSiteModel(): Promise<SiteModel> {
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
