// @ts-check
import { defineConfig } from 'astro/config';
import { knowledgeBase } from './src/integration/index.ts';
import { resolveSettings } from './src/pipeline/settings.ts';
import siteConfig from './src/site.config.ts';

const settings = resolveSettings(siteConfig, process.cwd(), process.env);

export default defineConfig({
  outDir: process.env.KB_OUT_DIR ?? './dist',
  integrations: [knowledgeBase(settings)],
});
