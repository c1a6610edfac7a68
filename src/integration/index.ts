import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import type { SiteSettings } from '../pipeline/settings.ts';
import { mkdocsRemarkPlugins } from '../remark/index.ts';
import { checkBeforeBuild } from './check-before-build.ts';
import { contentAssetsVitePlugin, copyContentAssets } from './content-assets.ts';

/** The knowledge-base integration: wires the Markdown pipeline and the content folder into Astro. */
export function knowledgeBase(settings: SiteSettings): AstroIntegration {
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command, config, logger }) => {
        // First, so that content errors stop the build before Astro syncs or writes anything.
        if (command === 'build') await checkBeforeBuild(settings, fileURLToPath(config.root), logger);
        updateConfig({
          site: settings.url,
          trailingSlash: 'always',
          markdown: {
            processor: unified({ remarkPlugins: mkdocsRemarkPlugins({ contentDir: settings.contentDir }) }),
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
