import pLimit from 'p-limit';
import { buildSiteModel, type SiteModel } from '../model/site-model.ts';
import { contentSource, type RenderedEntry } from './content-source.ts';

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
  const source = contentSource();
  const includeDrafts = import.meta.env['KB_INCLUDE_DRAFTS'] === true;
  const entries = (await source.entries()).filter((entry) => includeDrafts || !entry.data.draft);
  // The model needs what rendering records (short answer, links, "See also"); each page reads its own HTML.
  const limit = pLimit(16);
  const facts = await Promise.all(entries.map((entry) => limit(() => source.facts(entry.id))));
  return buildSiteModel(
    entries.map((entry, index) => ({ id: entry.id, data: entry.data, ...facts[index]! })),
    { includeDrafts },
  );
}

/** Renders one entry's Markdown body. */
export function renderEntry(id: string): Promise<RenderedEntry> {
  return contentSource().render(id);
}
