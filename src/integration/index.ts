import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { DEFAULT_RUNTIMES } from '../examples/runtimes.ts';
import type { SiteSettings } from '../pipeline/settings.ts';
import { mkdocsRemarkPlugins } from '../remark/index.ts';
import type { Verification } from '../remark/remark-code-figures.ts';
import { contentAssetsVitePlugin, copyContentAssets } from './content-assets.ts';
import { proveContent, runtimeLabels } from './prove-content.ts';

/** The knowledge-base integration: proves the content, then wires the Markdown pipeline and the content folder into Astro. */
export function knowledgeBase(settings: SiteSettings): AstroIntegration {
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command, config, logger }) => {
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
            shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
          },
          vite: { plugins: [contentAssetsVitePlugin(settings.contentDir)] },
        });
      },
      // After the pages, so that a file the author ships (say `robots.txt`) wins over a generated one.
      'astro:build:done': async ({ dir, logger }) => {
        const count = await copyContentAssets(settings.contentDir, fileURLToPath(dir));
        logger.info(`copied ${count} static file(s) from the content directory`);
      },
    },
  };
}
