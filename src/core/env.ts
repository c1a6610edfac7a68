/**
 * The environment variables the product reads, in one place. Each overrides a setting for one
 * run (a deploy preview, a test, the benchmark) without editing `src/site.config.ts`.
 */
export const ENV = {
  /** Another content folder, such as a MkDocs project or its `docs/`. */
  contentDir: 'KB_CONTENT_DIR',
  /** The site's public address, over the settings file's `url`. */
  siteUrl: 'KB_SITE_URL',
  /** Where `astro build` writes the site (default `dist/`). */
  outDir: 'KB_OUT_DIR',
  /** The one folder of every cache (default `node_modules/.cache/proven-kb`). */
  cacheDir: 'KB_CACHE_DIR',
  /** `off` skips running the examples in a build; pages then say they are not verified. */
  examples: 'KB_EXAMPLES',
  /** Another file for the examples' results, so that several builds share what one run verified. */
  exampleCache: 'KB_EXAMPLE_CACHE',
  /** `1` publishes drafts too (a preview build; the pages are `noindex`). */
  drafts: 'KB_DRAFTS',
  /** A file where a build writes its report as JSON (phases, counts), as the benchmark reads it. */
  buildReport: 'KB_BUILD_REPORT',
  /** `bubblewrap`, `unshare` or `none`: how examples are isolated (default: the best that works). */
  isolation: 'KB_ISOLATION',
} as const;

/** The environment as the product reads it: names to values, unset names absent. */
export type Environment = Readonly<Record<string, string | undefined>>;
