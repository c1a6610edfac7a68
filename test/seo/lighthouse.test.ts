import path from 'node:path';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce, ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { CHROMIUM } from '../helpers/chromium.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { launchChromiumForDevTools, type RunningChromium } from './helpers/chromium.ts';

/** The bundled knowledge base's home page, a topic page and an article page. */
const PAGES = ['/', '/typescript-async/', '/typescript-async/how-to-sleep-or-delay-in-typescript/'];

const AVAILABLE = await requireTool(CHROMIUM, 'the Lighthouse audits');

describe.skipIf(!AVAILABLE)('Lighthouse in Chromium, on the bundled knowledge base', () => {
  let server: StaticServer | undefined;
  let chrome: RunningChromium | undefined;

  beforeAll(async () => {
    // The audit is about the pages, not the examples: they are proven by the other build tests.
    const site = await buildSiteOnce(path.join(ROOT, 'content'), { KB_EXAMPLES: 'off' });
    server = await serveStatic(site.outDir);
    chrome = await launchChromiumForDevTools();
  }, 300_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  it.each(PAGES)(
    'scores SEO 100 and Best Practices at least 95 on %s',
    async (urlPath) => {
      const result = await lighthouse(`${server!.origin}${urlPath}`, {
        port: chrome!.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['seo', 'best-practices'],
        // Nothing is measured for speed here: no need to simulate a slow network.
        throttlingMethod: 'provided',
      });
      const lhr = result?.lhr;
      expect(lhr?.runtimeError, JSON.stringify(lhr?.runtimeError)).toBeUndefined();
      const score = (id: string) => Math.round((lhr?.categories[id]?.score ?? 0) * 100);
      const failing = Object.values(lhr?.audits ?? {})
        .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score !== 1)
        .map((audit) => `${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ''}`);
      console.info(`Lighthouse ${urlPath}: SEO ${score('seo')}, Best Practices ${score('best-practices')}`);
      expect(score('seo'), failing.join('\n')).toBe(100);
      expect(score('best-practices'), failing.join('\n')).toBeGreaterThanOrEqual(95);
    },
    120_000,
  );
});
