import type { SiteEntry } from '../model/site-model.ts';
import type { RedirectSource } from '../seo/redirects.ts';
import type { ProvedContent } from './prove-content.ts';

/**
 * What the end of a build (`astro:build:done`) needs of the proved content. A build keeps this
 * in place of the whole proof, whose documents' facts, link index and diagnostics (about 55 MB
 * at 10,000 articles) would otherwise stay in memory while Astro renders and pagefind indexes.
 */
export interface BuildInputs {
  entries: SiteEntry[];
  /** Every published page with valid frontmatter, for `_redirects`. */
  redirects: RedirectSource[];
  /** Whether a published page draws a diagram, so that the diagram library is published. */
  needsDiagrams: boolean;
  /** The content folder's static files, relative to it. */
  assets: ReadonlySet<string>;
  /** Each content file's text as it was proved (`topic/slug.md` → its Markdown), for the Markdown sources. */
  texts: ReadonlyMap<string, string>;
  /** For the build report. */
  provingMs: number;
  documentsParsed: number;
}

/** Takes from `proved` what the end of the build needs, so that the rest can be let go. */
export function buildInputsOf(proved: ProvedContent): BuildInputs {
  const { check } = proved;
  return {
    entries: proved.entries,
    redirects: check.published.flatMap((doc) => (doc.data ? [{ url: doc.route.url, data: doc.data }] : [])),
    needsDiagrams: check.published.some((doc) => doc.facts?.needs.diagrams),
    assets: check.scan.assets,
    texts: new Map(check.documents.flatMap((doc) => (doc.text === undefined ? [] : [[doc.file, doc.text]]))),
    provingMs: proved.milliseconds,
    documentsParsed: check.parsed,
  };
}
