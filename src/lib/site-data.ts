import { getCollection, getEntry, render } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../pipeline/site-model.ts';

/** Loads every content entry and builds the site model; drafts show only in `astro dev`. */
export async function loadSiteModel(): Promise<SiteModel> {
  const entries = await getCollection('kb');
  return buildSiteModel(
    entries.map((entry) => ({
      id: entry.id,
      data: entry.data,
      inShort: inShortOf(entry.rendered?.metadata?.['frontmatter']),
    })),
    { includeDrafts: import.meta.env.DEV },
  );
}

/** Renders one entry's Markdown body. */
export async function renderEntry(id: string) {
  const entry = await getEntry('kb', id);
  if (!entry) throw new Error(`No content entry \`${id}\`.`);
  return render(entry);
}

function inShortOf(frontmatter: unknown): string | undefined {
  const value = (frontmatter as { inShort?: unknown } | undefined)?.inShort;
  return typeof value === 'string' ? value : undefined;
}
