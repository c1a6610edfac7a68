import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { RenderedBody } from '../markdown/render-body.ts';
import type { NavPlaces } from '../model/nav-places.ts';
import { buildSiteModel, type PageNode, type SiteEntry, type SiteModel } from '../model/site-model.ts';
import type { SiteSettings } from '../settings/settings.ts';

/** What the integration hands the pages for one build (or one state of the dev server). */
export interface SiteDataSource {
  settings: SiteSettings;
  /** A file holding the {@link SiteDataFile}, written by the integration. */
  dataFile: string;
  /** The dev server rewrites the file after each edit: read it again whenever it changed. */
  live: boolean;
}

/** The data file's contents: the published entries, and where their bodies are. */
export interface SiteDataFile {
  entries: SiteEntry[];
  /** The navigation's order and titles (`mkdocs.yml`'s `nav`), if the site has one. */
  nav: NavPlaces | undefined;
  /** What this build verified of the examples, for what the pages may claim. */
  examples: ExamplesSummary;
  /** Drafts are published by `astro dev` and by preview builds (`KB_DRAFTS=1`). */
  includeDrafts: boolean;
  /** The folder of rendered bodies, one file per body key. */
  bodiesDir: string;
}

/** The pages' one view of the site: settings, the model, and each page's rendered body. */
export interface SiteData {
  settings: SiteSettings;
  /** Built once from the data file, on first use. */
  model(): Promise<SiteModel>;
  /** The page's rendered body; undefined for a page without one. */
  body(page: PageNode): Promise<RenderedBody | undefined>;
  /** What this build verified of the examples. */
  examples(): Promise<ExamplesSummary>;
}

/** What a build verified of the examples: the site claims no more than this. */
export interface ExamplesSummary {
  /** `verified`: run and judged; `skipped`: `KB_EXAMPLES=off`; `unverified`: the dev server. */
  status: 'verified' | 'skipped' | 'unverified';
  /** Runnable examples on published pages. */
  total: number;
  /** Of those, the ones that failed and were let through (their rule relaxed, or a known failure). */
  failing: number;
}

/** Opens the pages' view of a build's data; nothing is read until a page asks. */
export function openSiteData(source: SiteDataSource): SiteData {
  let loaded: { version: number; file: Promise<SiteDataFile>; model?: Promise<SiteModel> } | undefined;
  const current = async () => {
    const version = source.live ? (await stat(source.dataFile)).mtimeMs : 0;
    if (loaded?.version !== version) {
      const file = readFile(source.dataFile).then((bytes) => deserialize(bytes) as SiteDataFile);
      loaded = { version, file };
    }
    return loaded;
  };
  const data = async () => (await current()).file;
  return {
    settings: source.settings,
    async model() {
      const state = await current();
      return (state.model ??= state.file.then(({ entries, includeDrafts, nav }) =>
        buildSiteModel(entries, { includeDrafts, nav, base: source.settings.base }),
      ));
    },
    async examples() {
      return (await data()).examples;
    },
    async body(page) {
      const key = page.entry.bodyKey;
      if (key === undefined) return undefined;
      const { bodiesDir } = await data();
      // Synchronous, as small files are read in a build (core/write-file-atomic.ts).
      return JSON.parse(readFileSync(path.join(bodiesDir, key), 'utf8')) as RenderedBody;
    },
  };
}
