// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { cacheRoot } from './src/core/cache-store.ts';
import { ENV } from './src/core/env.ts';
import { knowledgeBase } from './src/integration/index.ts';
import { requireContentFolder } from './src/settings/content-folder.ts';
import { loadSiteConfig } from './src/settings/load-site-config.ts';
import { formatNotice, resolveSettings } from './src/settings/settings.ts';
import { settingsOrExitAsync } from './src/settings/settings-or-exit.ts';

const root = process.cwd();
// A settings error, a settings file that does not load, or a content folder that is not there
// stops the build with its message alone (exit code 2), not a stack trace.
const settings = await settingsOrExitAsync(async () => {
  const resolved = resolveSettings(
    await loadSiteConfig(path.join(root, 'src/site.config.ts')),
    root,
    process.env,
  );
  requireContentFolder(resolved.contentDir);
  return resolved;
});
for (const notice of settings.notices) console.warn(formatNotice(notice));

// KB_OUT_DIR and KB_CACHE_DIR let tests and the benchmark build other content side by side.
export default defineConfig({
  outDir: process.env[ENV.outDir] ?? './dist',
  // Astro's own cache lives in the one cache folder, beside ours.
  cacheDir: path.join(cacheRoot(root, process.env), 'astro'),
  integrations: [knowledgeBase(settings)],
  // Pages wait on file reads and writes more than on the CPU: a few at once keep both cores busy.
  build: { concurrency: 4 },
});
