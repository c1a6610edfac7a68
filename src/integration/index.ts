import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { cacheRoot } from '../core/cache-store.ts';
import { skipOptimizingCompiler } from '../core/compiler-tiers.ts';
import { ENV } from '../core/env.ts';
import { navPlaces } from '../model/nav-places.ts';
import { buildSiteModel, type SiteEntry, type SiteModel } from '../model/site-model.ts';
import { requireSiteUrl, SettingsError, type SiteSettings } from '../settings/settings.ts';
import type { SiteDataFile } from '../site/open-site-data.ts';
import { buildInputsOf, type BuildInputs } from './build-inputs.ts';
import { buildKeyOf } from './build-key.ts';
import { writeBuildReport, type BuildReport } from './build-report.ts';
import { contentAssetsVitePlugin, copyContentAssets } from './content-assets.ts';
import { copyDiagramLibrary, diagramLibraryVitePlugin } from './diagram-library.ts';
import { requireOutputOnWorkingFileSystem } from './output-file-system.ts';
import { moveToDecodedFolders } from './page-folders.ts';
import { drawCardsAhead, writePageFiles, type CardsAhead } from './page-files.ts';
import { productCodeIdentity } from './product-code.ts';
import { ContentCheckError, proveContent, type ProvedContent } from './prove-content.ts';
import { publishedState, recordPublished } from './published-record.ts';
import { writeRedirectsFile } from './redirects-file.ts';
import { setPageTap } from './page-tap.ts';
import { buildSearchIndex } from './search-index.ts';
import { streamSearchIndex, type StreamedIndex } from './search-index-stream.ts';
import { writeSiteDataFile } from './site-data-file.ts';
import { siteModulePlugin } from './site-module.ts';
import { stageOutput, type StagedOutput } from './staged-output.ts';

/** How long the dev server waits after the last change of a content file before proving again. */
const EDIT_SETTLE_MS = 120;

/**
 * The knowledge-base integration: proves the content, hands the pages its result through one
 * virtual module, and writes what the pages do not (Markdown sources, social cards, the search
 * index, redirects, the content folder's own files) when they are built.
 */
export function knowledgeBase(settings: SiteSettings): AstroIntegration {
  let root = process.cwd();
  let proved: ProvedContent | undefined;
  /** In a build: what `astro:build:done` needs of the proof, kept in place of the proof itself. */
  let inputs: BuildInputs | undefined;
  let dataFile = '';
  let staged: StagedOutput | undefined;
  let publishedDir = '';
  let reloading = Promise.resolve();
  let cardsAhead: CardsAhead | undefined;
  /** In a build: the search index that the pages go into as Astro renders them. */
  let searchStream: StreamedIndex | undefined;
  /** In a build: the digest of everything the site is built from (see `build-key.ts`). */
  let buildKey = '';
  const recordFile = () => path.join(cacheRoot(root, process.env), 'published.json');
  const includeDrafts = (command: string) => command === 'dev' || process.env[ENV.drafts] === '1';
  const siteModel = (entries: readonly SiteEntry[], command: string) =>
    buildSiteModel(entries, {
      includeDrafts: includeDrafts(command),
      nav: settings.nav ? navPlaces(settings.nav) : undefined,
      base: settings.base,
    });
  /** What the pages are given: the proved content, as the command publishes it. */
  const siteData = (command: string): SiteDataFile => ({
    entries: proved?.entries ?? [],
    includeDrafts: includeDrafts(command),
    bodiesDir: proved?.check.bodies?.folder ?? '',
    nav: settings.nav ? navPlaces(settings.nav) : undefined,
    examples: proved?.examples ?? { status: 'unverified', total: 0, failing: 0 },
  });
  const publish = async (command: string) => {
    const data = siteData(command);
    await writeSiteDataFile(dataFile, data);
    return data;
  };
  return {
    name: 'knowledge-base',
    hooks: {
      'astro:config:setup': async ({ updateConfig, addMiddleware, command, config, logger }) => {
        root = fileURLToPath(config.root);
        dataFile = path.join(cacheRoot(root, process.env), `site-${command}.data`);
        // First, so that content errors stop the build before Astro writes anything, and so
        // that the pages find everything proven when they are rendered.
        if (command === 'build') {
          skipOptimizingCompiler();
          // Before any work: canonical URLs, the sitemap and the feed need the site's address, and
          // Astro must be able to move its files into the output folder.
          try {
            requireSiteUrl(settings);
            requireOutputOnWorkingFileSystem(fileURLToPath(config.outDir));
          } catch (error) {
            exitOnReport(error, logger);
            throw error;
          }
          // The build writes beside the published site, which stays as it is until everything succeeded.
          publishedDir = fileURLToPath(config.outDir);
          staged = await stageOutput(publishedDir, cacheRoot(root, process.env), logger);
          const code = productCodeIdentity();
          try {
            proved = await proveContent({ settings, root, env: process.env, logger, mode: 'build' });
            const data = await publish(command);
            buildKey = buildKeyOf({
              data,
              bodiesDir: proved.check.bodies?.folder ?? '',
              bodyKeys: proved.entries.flatMap((entry) => (entry.bodyKey ? [entry.bodyKey] : [])),
              contentDir: settings.contentDir,
              assets: proved.check.scan.assets,
              settings,
              outDir: publishedDir,
              env: process.env,
              argv: process.argv.slice(2),
              code: await code,
            });
            // Built from the same sources into a site nobody has touched since: it stays as it is.
            const published = await publishedState(recordFile(), publishedDir, buildKey);
            if (published === 'as-published') await endUpToDate(proved, staged, logger);
            await staged.claim();
            // The cards need only the site model: drawn in worker threads while Astro renders pages.
            cardsAhead = drawCardsAhead({
              model: siteModel(proved.entries, command),
              settings,
              root,
              cacheDir: cacheRoot(root, process.env),
            });
            // Pagefind indexes each page as it is rendered, beside the rendering rather than after
            // it; but not when only the output changed since it was published from these sources:
            // the pages come out as they were, and their index is copied from the cache.
            if (published === 'other-sources') {
              searchStream = streamSearchIndex(settings.base);
              setPageTap(searchStream.tap);
              addMiddleware({
                entrypoint: new URL('./page-tap-middleware.ts', import.meta.url),
                order: 'post',
              });
            }
            // The pages read their data from the file just written: the proof itself is not held
            // while Astro renders them and pagefind indexes them, only what the build's end needs.
            inputs = buildInputsOf(proved);
            proved = undefined;
          } catch (error) {
            await staged.release();
            exitOnReport(error, logger);
            throw error;
          }
        } else if (command === 'dev') {
          proved = await proveContent({ settings, root, env: process.env, logger, mode: 'dev' });
          await publish(command);
        }
        updateConfig({
          ...(staged ? { outDir: pathToFileURL(`${staged.stagingDir}${path.sep}`) } : {}),
          site: settings.url,
          // A site served under a path (`site_url: https://example.org/kb/`): Astro's own assets go there too.
          base: settings.base,
          trailingSlash: 'always',
          vite: {
            // A recycled staging folder is rewritten in place, and pruned before it is published.
            ...(staged?.recycled ? { build: { emptyOutDir: false } } : {}),
            plugins: [
              siteModulePlugin(() => ({ settings, dataFile, live: command === 'dev' })),
              contentAssetsVitePlugin(settings.contentDir, settings.base, () => proved?.check.scan.assets),
              diagramLibraryVitePlugin(),
            ],
          },
        });
      },
      // The dev server proves the content again after every edit and reloads the browser.
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(settings.contentDir);
        // An editor's save can be several writes (truncate, then write), and the watcher drops a
        // change that follows another within 50 ms: prove once the writes have settled.
        let settle: NodeJS.Timeout | undefined;
        server.watcher.on('all', (_event, file) => {
          if (path.relative(settings.contentDir, file).startsWith('..')) return;
          clearTimeout(settle);
          settle = setTimeout(() => void reload(server, logger), EDIT_SETTLE_MS);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (!inputs) return;
        const { entries, texts } = inputs;
        const model = siteModel(entries, 'build');
        // First, so that everything after (redirects, the search index) finds each page where its href leads.
        await moveToDecodedFolders(outDir, pagePaths(model));
        // Astro has written every page: in a recycled output, the pages it did not write again
        // go before the search index reads them all. The rest goes once everything is written.
        let pruned = staged?.recycled ? await staged.prune((file) => file.endsWith('.html')) : 0;
        // SEO: `_redirects` for `aliases` (src/pages cannot publish a `_` file).
        const redirects = await writeRedirectsFile(inputs.redirects, outDir, settings.base);
        if (redirects > 0) logger.info(`_redirects: ${redirects} alias(es)`);

        // The Markdown sources and social cards, written while pagefind (its own process) indexes
        // the finished HTML; the index goes into the output only.
        logger.info('writing Markdown sources and social cards while the search index is built');
        const pageFiles = writePageFiles({
          model,
          settings,
          root,
          outDir,
          cacheDir: cacheRoot(root, process.env),
          textOf: (file) => texts.get(file),
          cardsAhead,
        });
        const [files, search] = await Promise.all([
          pageFiles,
          // Written while the last cards are drawn: their threads yield the cores to the pages and
          // to pagefind (card-pool.ts), so they are what is left to do once the pages are done.
          buildSearchIndex(outDir, settings.base, cacheRoot(root, process.env), {
            streamed: searchStream,
          }),
        ]);
        logger.info(
          `${files.markdown} Markdown source(s), ${files.cards} social card(s) (${files.drawn} drawn)`,
        );
        logger.info(
          `search index: ${search.pages} page(s) ${search.cached ? 'unchanged, index copied from the cache' : search.streamed ? 'indexed as they were rendered, written' : 'indexed'} in ${search.milliseconds} ms`,
        );

        setPageTap(undefined);

        // Mermaid's browser build, which pages with diagrams load.
        if (inputs.needsDiagrams) await copyDiagramLibrary(outDir);

        // Last, so that a file the author ships (`robots.txt`, `_redirects`, an image) wins over a generated one.
        const count = await copyContentAssets(settings.contentDir, inputs.assets, outDir);
        logger.info(`copied ${count} static file(s) from the content directory`);

        const report: BuildReport = {
          pages: entries.length,
          provingMs: inputs.provingMs,
          documentsParsed: inputs.documentsParsed,
          searchMs: search.milliseconds,
          searchPages: search.pages,
          searchStreamed: search.streamed,
          markdownFiles: files.markdown,
          cards: files.cards,
          cardsDrawn: files.drawn,
          upToDate: false,
        };
        const reportFile = process.env[ENV.buildReport];
        if (reportFile) await writeBuildReport(reportFile, report);

        // Last: the finished site takes the published one's place, without what only the build
        // before last wrote (a page since deleted, another build's assets).
        if (staged) {
          if (staged.recycled) pruned += await staged.prune();
          if (pruned > 0)
            logger.info(`removed ${pruned} file(s) an earlier build wrote and this one did not`);
          await staged.publish();
          await recordPublished(recordFile(), publishedDir, buildKey);
          await staged.release();
          logger.info(`published to ${path.relative(root, publishedDir) || '.'}`);
        }
      },
    },
  };

  /**
   * Ends a build that has nothing to do: its report, then the lock freed and the process ended
   * before Astro renders anything, the published site left as it is.
   */
  async function endUpToDate(
    content: ProvedContent,
    output: StagedOutput,
    logger: AstroIntegrationLogger,
  ): Promise<never> {
    logger.info(
      `nothing changed since the build that published ${path.relative(root, publishedDir) || '.'} (content, settings, code, and the site's own files): it stays as it is`,
    );
    const reportFile = process.env[ENV.buildReport];
    if (reportFile) {
      await writeBuildReport(reportFile, {
        pages: content.entries.length,
        provingMs: content.milliseconds,
        documentsParsed: content.check.parsed,
        searchMs: 0,
        searchPages: 0,
        searchStreamed: false,
        markdownFiles: 0,
        cards: 0,
        cardsDrawn: 0,
        upToDate: true,
      });
    }
    await output.release();
    process.exit(0);
  }

  /**
   * After an edit: prove again (every document but the edited one comes from the caches) and
   * rewrite the pages' data, which they read again once it changed; edits one after another
   * are proved one after another.
   */
  function reload(server: ViteDevServer, logger: AstroIntegrationLogger): Promise<void> {
    reloading = reloading
      .then(async () => {
        proved = await proveContent({ settings, root, env: process.env, logger, mode: 'dev' });
        await publish('dev');
        // Astro keeps each route's paths and props until told that content changed, as its own
        // content layer tells it; then the browser reloads.
        for (const environment of Object.values(server.environments)) {
          environment.hot.send('astro:content-changed', {});
        }
        server.hot.send({ type: 'full-reload' });
      })
      .catch((error: unknown) => logger.error(String(error)));
    return reloading;
  }
}

/** The site path of every page the model publishes (plain pages, topics, articles; the home page is `/`). */
function pagePaths(model: SiteModel): string[] {
  return [
    ...model.pages.map((page) => page.url),
    ...model.topics.flatMap((topic) => [topic.url, ...topic.pages.map((page) => page.url)]),
    ...[...model.articles.values()].map(({ article }) => article.url),
  ];
}

/**
 * Ends the build when `error` is a report for the author (content errors, a setting the build
 * needs): the report alone, and its exit code (1 for content, 2 for settings). Thrown through
 * Astro it would come with Astro's banner, an empty stack trace and hints about unrelated causes
 * (browser APIs, for a report that says "document"). Any other error is left to the caller.
 */
function exitOnReport(error: unknown, logger: AstroIntegrationLogger): void {
  if (error instanceof ContentCheckError || error instanceof SettingsError) {
    logger.error(error.message);
    process.exit(error instanceof SettingsError ? 2 : 1);
  }
}
