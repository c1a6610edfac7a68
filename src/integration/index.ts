import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { DEFAULT_RUNTIMES } from '../examples/runtimes.ts';
import { provideContentSource } from '../site/content-source.ts';
import { checkContent } from '../checks/check-content.ts';
import { defaultDocumentCacheFile } from '../model/document-cache.ts';
import { requireSiteUrl, type SiteSettings } from '../settings/settings.ts';
import { buildSiteModel } from '../model/site-model.ts';
import { mkdocsRemarkPlugins } from '../markdown/plugins.ts';
import type { Verification } from '../markdown/remark-code-figures.ts';
import { contentAssetsVitePlugin, copyContentAssets } from './content-assets.ts';
import { createContentSource, type BuildContentSource, type SourceDocument } from './content-source.ts';
import { writePageFiles } from './page-files.ts';
import { proveContent, runtimeLabels, sourceDocuments } from './prove-content.ts';
import { writeRedirectsFile } from './redirects-file.ts';
import { buildSearchIndex } from './search-index.ts';

/** The environment variable that makes a build publish drafts too (a preview build; pages are `noindex`). */
export const DRAFTS_ENV = 'KB_DRAFTS';

/** The knowledge-base integration: proves the content, then wires the Markdown pipeline and the content folder into Astro. */
export function knowledgeBase(settings: SiteSettings): AstroIntegration {
  let root = process.cwd();
  let verification: Verification = {
    status: 'unverified',
    runtimes: runtimeLabels({ ...DEFAULT_RUNTIMES, ...settings.runtimes }, {}),
  };
  // A build's documents, as proving read them; the dev server reads them again after every change.
  let proved: SourceDocument[] | undefined;
  let source: BuildContentSource | undefined;
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': async ({ updateConfig, command, config, logger }) => {
        // SEO: canonical URLs, the sitemap and the feed need the site's address; say so before any work.
        if (command === 'build') requireSiteUrl(settings);

        // First, so that content errors stop the build before Astro syncs or writes anything.
        // The verdict then shapes the Markdown plugins: pages say what was verified, and on what.
        root = fileURLToPath(config.root);
        if (command === 'build') {
          ({ verification, documents: proved } = await proveContent(settings, root, process.env, logger));
        }
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
      // The pages read the content through this source (src/lib/content-source.ts), with the final Markdown config.
      'astro:config:done': ({ config }) => {
        source = createContentSource({
          contentDir: settings.contentDir,
          root,
          config,
          verification,
          load: async () => proved ?? (await loadForDevServer(settings, root)),
        });
        provideContentSource(source);
      },
      // The dev server shows a content change on the next request, and reloads the browser.
      'astro:server:setup': ({ server }) => {
        server.watcher.add(settings.contentDir);
        server.watcher.on('all', (_event, file) => {
          if (path.relative(settings.contentDir, file).startsWith('..')) return;
          source?.invalidate();
          server.hot.send({ type: 'full-reload' });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const documents = proved ?? [];
        if (source) {
          const { rendered, cached } = source.counts();
          const pruned = await source.prune();
          logger.info(`Markdown: ${rendered} rendered, ${cached} from the cache (${pruned} stale removed)`);
        }
        // SEO: `_redirects` for `aliases` (src/pages cannot publish a `_` file).
        const redirects = await writeRedirectsFile(documents, outDir);
        if (redirects > 0) logger.info(`_redirects: ${redirects} alias(es)`);

        // The Markdown sources and social cards, written while pagefind (its own process) indexes
        // the finished HTML; the index goes into the output only.
        const texts = new Map(documents.map((doc) => [doc.file, doc.text]));
        const model = buildSiteModel(
          documents.map(({ id, data }) => ({ id, data, inShort: undefined })),
          { includeDrafts: process.env[DRAFTS_ENV] === '1' },
        );
        const [files, search] = await Promise.all([
          writePageFiles({ model, settings, root, outDir, textOf: (file) => texts.get(file) }),
          buildSearchIndex(outDir),
        ]);
        logger.info(
          `${files.markdown} Markdown source(s), ${files.cards} social card(s) (${files.drawn} drawn)`,
        );
        logger.info(`search index: ${search.pages} page(s) indexed in ${search.milliseconds} ms`);

        // Last, so that a file the author ships (`robots.txt`, `_redirects`, an image) wins over a generated one.
        const count = await copyContentAssets(settings.contentDir, outDir);
        logger.info(`copied ${count} static file(s) from the content directory`);
      },
    },
  };
}

/** The dev server's documents: read (through the document cache) but not proved, so that it starts at once. */
async function loadForDevServer(settings: SiteSettings, root: string): Promise<SourceDocument[]> {
  const check = await checkContent({
    contentDir: settings.contentDir,
    cwd: root,
    rules: settings.rules,
    cacheFile: defaultDocumentCacheFile(root, settings.contentDir),
  });
  return sourceDocuments(check.documents);
}
