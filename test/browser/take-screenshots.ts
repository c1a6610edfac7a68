/**
 * Screenshots of every page type at a phone and a desktop width, in both themes, for a person
 * to look at: `node_modules/.bin/node test/browser/take-screenshots.ts [builtSiteDir] [outDir]`. Builds the
 * bundled knowledge base first when no built site is given. Writes to /tmp/screens/ by default.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildSite, ROOT } from '../helpers/build-site.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic } from '../helpers/static-server.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'topic', path: '/typescript-async/' },
  { name: 'article', path: '/typescript-async/how-to-sleep-or-delay-in-typescript/' },
  { name: 'search', path: '/search/?q=timeout', waitFor: '.kb-search-page-hits .kb-search-hit' },
  {
    name: '404',
    path: '/typescript-async/how-to-sleep-in-typescript/',
    waitFor: '.kb-search-page-hits .kb-search-hit',
  },
];
const WIDTHS = [390, 1280];
const THEMES = ['light', 'dark'] as const;

const siteDir =
  process.argv[2] ?? (await buildSite(path.join(ROOT, 'content'), { KB_EXAMPLES: 'off' })).outDir;
const outDir = process.argv[3] ?? '/tmp/screens';
await mkdir(outDir, { recursive: true });
const server = await serveStatic(siteDir);
const browser = await launchChromium();
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
      const page = await context.newPage();
      for (const { name, path: urlPath, waitFor } of PAGES) {
        await page.goto(server.origin + urlPath);
        if (waitFor) await page.waitForSelector(waitFor);
        const file = path.join(outDir, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
