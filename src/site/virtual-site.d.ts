/** The integration's one channel to the pages (src/integration/site-module.ts). */
declare module 'virtual:proven-kb/site' {
  export const site: import('./open-site-data.ts').SiteData;
}
