import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { DEFAULT_RUNTIMES } from '../examples/runtimes.ts';
import { requireSiteUrl, type SiteSettings } from '../pipeline/settings.ts';
import { mkdocsRemarkPlugins } from '../remark/index.ts';
import type { Verification } from '../remark/remark-code-figures.ts';
import { contentAssetsVitePlugin, copyContentAssets } from './content-assets.ts';
import { proveContent, runtimeLabels } from './prove-content.ts';
import { writeRedirectsFile } from './redirects-file.ts';
import { buildSearchIndex } from './search-index.ts';

/** The environment variable that makes a build publish drafts too (a preview build; pages are `noindex`). */
export const DRAFTS_ENV = 'KB_DRAFTS';

/** The knowledge-base integration: proves the content, then wires the Markdown pipeline and the content folder into Astro. */
export function knowledgeBase(settings: SiteSettings): AstroIntegration {
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command, config, logger }) => {
        // SEO: canonical URLs, the sitemap and the feed need the site's address; say so before any work.
        if (command === 'build') requireSiteUrl(settings);

        // First, so that content errors stop the build before Astro syncs or writes anything.
        // The verdict then shapes the Markdown plugins: pages say what was verified, and on what.
        const verification: Verification =
          command === 'build'
            ? await proveContent(settings, fileURLToPath(config.root), process.env, logger)
            : {
                status: 'unverified',
                runtimes: runtimeLabels({ ...DEFAULT_RUNTIMES, ...settings.runtimes }, {}),
              };
        updateConfig({
          site: settings.url,
          trailingSlash: 'always',
          markdown: {
            processor: unified({
              remarkPlugins: mkdocsRemarkPlugins({ contentDir: settings.contentDir, verification }),
            }),
            // Both themes are emitted as CSS variables; the stylesheet picks one per colour scheme.
            // GitHub's "default" themes: every token colour meets WCAG AA contrast on its background.
            shikiConfig: {
              themes: { light: 'github-light-default', dark: 'github-dark-default' },
              defaultColor: false,
            },
          },
          vite: {
            plugins: [contentAssetsVitePlugin(settings.contentDir)],
            // Drafts are published by `astro dev`, and by a preview build that asks (`KB_DRAFTS=1`); never otherwise.
            define: {
              'import.meta.env.KB_INCLUDE_DRAFTS': JSON.stringify(
                command === 'dev' || process.env[DRAFTS_ENV] === '1',
              ),
            },
          },
        });
      },
      // After the pages, so that a file the author ships (say `robots.txt`) wins over a generated one.
      'astro:build:done': async ({ dir, logger }) => {
        // SEO: `_redirects` for `aliases` (src/pages cannot publish a `_` file); before the content
        // files are copied, so that a `_redirects` the author ships wins.
        const redirects = await writeRedirectsFile(settings.contentDir, fileURLToPath(dir));
        if (redirects > 0) logger.info(`_redirects: ${redirects} alias(es)`);

        const count = await copyContentAssets(settings.contentDir, fileURLToPath(dir));
        logger.info(`copied ${count} static file(s) from the content directory`);

        // Search: after the pages are written, so that it indexes the finished HTML; the index goes into the output only.
        const search = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`search index: ${search.pages} page(s) indexed in ${search.milliseconds} ms`);
      },
    },
  };
}
