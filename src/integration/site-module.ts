import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { SiteDataSource } from '../site/open-site-data.ts';

/** The pages import the site from here, and nothing else of the integration. */
export const SITE_MODULE_ID = 'virtual:proven-kb/site';
const RESOLVED_ID = `\0${SITE_MODULE_ID}`;
const OPEN_SITE_DATA = fileURLToPath(new URL('../site/open-site-data.ts', import.meta.url));

/**
 * The integration's one channel to the pages, as a virtual module: the resolved settings and
 * where this build's site data is, opened by `openSiteData` (which, in the dev server, reads the
 * data again after each edit).
 */
export function siteModulePlugin(source: () => SiteDataSource): Plugin {
  return {
    name: 'proven-kb:site-module',
    resolveId: (id) => (id === SITE_MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      return [
        `import { openSiteData } from ${JSON.stringify(OPEN_SITE_DATA)};`,
        `export const site = openSiteData(${JSON.stringify(source())});`,
      ].join('\n');
    },
  };
}
