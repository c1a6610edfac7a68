// @ts-check
import { defineConfig } from 'astro/config';
import { knowledgeBase } from './src/integration/index.ts';
import { formatNotice, resolveSettings } from './src/settings/settings.ts';
import { settingsOrExit } from './src/settings/settings-or-exit.ts';
import siteConfig from './src/site.config.ts';

// A settings error stops the build with its message alone (exit code 2), not a stack trace.
const settings = settingsOrExit(() => resolveSettings(siteConfig, process.cwd(), process.env));
for (const notice of settings.notices) console.warn(formatNotice(notice));

// KB_OUT_DIR and KB_CACHE_DIR let tests and the benchmark build other content side by side.
export default defineConfig({
  outDir: process.env.KB_OUT_DIR ?? './dist',
  cacheDir: process.env.KB_CACHE_DIR ?? './node_modules/.astro',
  integrations: [knowledgeBase(settings)],
  // Pages wait on file reads and writes more than on the CPU: a few at once keep both cores busy.
  build: { concurrency: 4 },
});
