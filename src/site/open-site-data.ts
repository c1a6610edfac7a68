import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { deserialize } from 'node:v8';
import type { RenderedBody } from '../markdown/render-body.ts';
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
      return (state.model ??= state.file.then(({ entries, includeDrafts }) =>
        buildSiteModel(entries, { includeDrafts }),
      ));
    },
    async body(page) {
      const key = page.entry.bodyKey;
      if (key === undefined) return undefined;
      const { bodiesDir } = await data();
      return JSON.parse(await readFile(path.join(bodiesDir, key), 'utf8')) as RenderedBody;
    },
  };
}
