import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce, ROOT } from '../helpers/build-site.ts';
import { CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const TOPIC = '/typescript-async/';
const ARTICLE = '/typescript-async/how-to-sleep-or-delay-in-typescript/';
const PROMISIFY = '/typescript-async/how-to-promisify-a-callback-based-function-in-nodejs/';
const MISSING = '/typescript-async/how-to-sleep-in-typescript/';
/** JavaScript a page may load before the reader searches, gzip-compressed: small deferred modules. */
const FIRST_LOAD_JS_BUDGET = 8 * 1024;
/** The one classic (render-blocking) script allowed: the inline theme bootstrap. */
const BOOTSTRAP_BUDGET = 600;

const hasChromium = await requireTool(CHROMIUM, 'the tests of the built site in Chromium');
let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(urlPath: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.origin + urlPath);
  return page;
}

async function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent ?? undefined);
}

describe.skipIf(!hasChromium)('the built site in Chromium', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    const site = await buildSiteOnce(path.join(ROOT, 'content'), { KB_EXAMPLES: 'off' });
    server = await serveStatic(site.outDir);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('finds an article from the header box by keyboard, opens it, and marks the searched words', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const pagefindBytes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/'))
        pagefindBytes.push(request.sizes().then((sizes) => sizes.responseBodySize));
    });
    await page.goto(server.origin + TOPIC);
    await page.waitForLoadState('networkidle');
    expect(pagefindBytes, 'pagefind loads only when the reader starts to search').toHaveLength(0);

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-search-input');
    const started = performance.now();
    await page.keyboard.type('callback promise');
    const first = page.locator('.kb-search-panel .kb-search-hit-link').first();
    await expect
      .poll(() => first.textContent())
      .toBe('How to promisify a callback-based function in Node.js?');
    const firstResultsMs = Math.round(performance.now() - started);
    await page.waitForLoadState('networkidle');
    const indexBytes = (await Promise.all(pagefindBytes)).reduce((sum, bytes) => sum + bytes, 0);
    console.log(
      `figures: first results ${firstResultsMs} ms after typing began; pagefind fetched ${pagefindBytes.length} files, ${indexBytes} bytes`,
    );
    expect(indexBytes).toBeGreaterThan(0);

    const hits = await page.locator('.kb-search-panel .kb-search-hit-link').allTextContents();
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(hits[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe(hits[1]);
    await page.keyboard.press('ArrowUp');
    expect(await focusedText(page)).toBe(hits[0]);
    await Promise.all([page.waitForURL(`**${PROMISIFY}?*`), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.getAll('highlight')).toEqual(['callback', 'promise']);
    const marked = await page.locator('article mark.kb-search-term').allTextContents();
    expect(marked.map((text) => text.toLowerCase())).toEqual(expect.arrayContaining(['callback', 'promise']));
    expect(await page.locator('h1 mark.kb-search-term').count()).toBeGreaterThan(0);
  });

  it('focuses the box with Ctrl+K, and Escape closes the results', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-search-input');
    await page.keyboard.type('gather');
    const panel = page.locator('.kb-search-panel');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-search-input');
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=gather');
    await expect
      .poll(() => page.locator('.kb-search-page-hits .kb-search-hit-link').first().textContent())
      .toBe('How to run coroutines concurrently with gather and TaskGroup?');
  });

  it('keeps the query and filters in the search page’s URL and filters by topic and tag', async () => {
    const page = await open('/search/?q=timeout');
    const titles = page.locator('.kb-search-page-hits .kb-search-hit-link');
    await expect.poll(() => titles.first().textContent()).toBe('How to add a timeout in asyncio?');
    expect(await page.inputValue('#kb-search-page-input')).toBe('timeout');
    await page.getByLabel('TypeScript async on Node.js').check();
    await expect
      .poll(() => titles.first().textContent())
      .toBe('How to add a timeout with AbortController and AbortSignal?');
    expect(
      new Set(await page.locator('.kb-search-page-hits .kb-search-hit-topic').allTextContents()),
    ).toEqual(new Set(['TypeScript async on Node.js']));
    expect(new URL(page.url()).search).toBe('?q=timeout&topic=TypeScript+async+on+Node.js');

    await page.goto(`${server.origin}${ARTICLE}`);
    await Promise.all([
      page.waitForURL('**/search/?tag=timers'),
      page.locator('.kb-tag', { hasText: 'timers' }).click(),
    ]);
    await expect.poll(() => titles.allTextContents()).toEqual(['How to sleep or delay in TypeScript?']);
    expect(await page.getByLabel(/^timers/).isChecked()).toBe(true);
  });

  it('offers search with the missing path’s words on the 404 page', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(server.origin + MISSING);
    expect(response?.status()).toBe(404);
    expect(await page.inputValue('#kb-search-page-input')).toBe(
      'typescript async how to sleep in typescript',
    );
    await expect
      .poll(() => page.locator('.kb-search-page-hits .kb-search-hit-link').first().textContent())
      .toBe('How to sleep or delay in TypeScript?');
    expect(page.url()).toBe(server.origin + MISSING);
  });

  it('follows the system theme, and remembers a chosen one across reloads without a flash', async () => {
    const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const page = await open(ARTICLE, { colorScheme: 'light' });
    // Records the theme when <body> is first parsed, before anything can paint.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as { themeAtFirstPaint?: string }).themeAtFirstPaint =
          document.documentElement.dataset['theme'] ?? 'system';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    const toggle = page.locator('.kb-theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await page.reload();
    expect(await page.evaluate(() => (window as { themeAtFirstPaint?: string }).themeAtFirstPaint)).toBe(
      'dark',
    );
    expect(await background(page)).toBe('rgb(13, 17, 23)');
    await page.locator('.kb-theme-toggle').click();
    await page.reload();
    expect(await page.evaluate(() => (window as { themeAtFirstPaint?: string }).themeAtFirstPaint)).toBe(
      'light',
    );
    expect(await background(page)).toBe('rgb(255, 255, 255)');

    const dark = await open(ARTICLE, { colorScheme: 'dark' });
    expect(await background(dark)).toBe('rgb(13, 17, 23)');
    expect(await dark.locator('.kb-theme-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('copies a code example with its labelled copy button', async () => {
    const page = await open(ARTICLE, { permissions: ['clipboard-read', 'clipboard-write'] });
    const button = page.locator('figure.kb-code-example .kb-copy-button').first();
    expect(await button.getAttribute('aria-label')).toBe('Copy code to clipboard');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    const code = await page.locator('figure.kb-code-example pre').first().innerText();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(code).toContain("import { setTimeout as sleep } from 'node:timers/promises';");
  });

  it('fits a 320 px screen: no sideways page scroll, code scrolls inside its block', async () => {
    for (const urlPath of ['/', TOPIC, ARTICLE, '/search/?q=timeout', MISSING]) {
      const page = await open(urlPath, { viewport: { width: 320, height: 640 } });
      await page.waitForLoadState('networkidle');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      expect(widths.page, urlPath).toBeLessThanOrEqual(widths.viewport);
    }
    const article = await open(ARTICLE, { viewport: { width: 320, height: 640 } });
    const scrolling = await article.evaluate(
      () => [...document.querySelectorAll('pre')].filter((pre) => pre.scrollWidth > pre.clientWidth).length,
    );
    expect(scrolling).toBeGreaterThan(0);
  });

  it('reads without JavaScript, hiding the controls that need it', async () => {
    const page = await open(ARTICLE, { javaScriptEnabled: false });
    expect(await page.locator('h1').allTextContents()).toEqual(['How to sleep or delay in TypeScript?']);
    expect(await page.locator('.kb-in-short').isVisible()).toBe(true);
    expect(await page.locator('.kb-toc').isVisible()).toBe(true);
    expect(await page.locator('.kb-see-also a').count()).toBeGreaterThan(0);
    expect(await page.locator('.kb-theme-toggle').isVisible()).toBe(false);
    expect(await page.locator('.kb-copy-button').first().isVisible()).toBe(false);
    expect(await page.locator('.kb-site-search input').isVisible()).toBe(true);
    const search = await open('/search/?q=timeout', { javaScriptEnabled: false });
    expect(await search.locator('noscript').count()).toBe(1);
    expect(await search.evaluate(() => document.body.innerText)).toContain(
      'Search runs in your browser and needs JavaScript.',
    );
  });

  it('loads only the theme bootstrap and small deferred modules before the reader searches', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const bytes = { html: 0, css: 0, js: 0 };
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      const kind = request.resourceType();
      const key =
        kind === 'document' ? 'html' : kind === 'stylesheet' ? 'css' : kind === 'script' ? 'js' : undefined;
      if (key) pending.push(request.sizes().then((sizes) => void (bytes[key] += sizes.responseBodySize)));
      expect(new URL(request.url()).pathname.startsWith('/pagefind/')).toBe(false);
    });
    await page.goto(server.origin + ARTICLE);
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    console.log(
      `figures: article page transferred (gzip) HTML ${bytes.html} B, CSS ${bytes.css} B, JS ${bytes.js} B`,
    );
    expect(bytes.js).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((script) => ({
        type: script.type,
        src: script.src,
        length: script.textContent?.length ?? 0,
        inHead: script.parentElement === document.head,
      })),
    );
    const classic = scripts.filter((script) => script.type === '' || script.type === 'text/javascript');
    expect(classic).toHaveLength(1);
    expect(classic[0]?.inHead).toBe(true);
    expect(classic[0]?.length).toBeLessThanOrEqual(BOOTSTRAP_BUDGET);
    for (const script of scripts.filter((s) => s.src)) expect(script.type).toBe('module');
  });

  describe('accessibility (axe-core)', () => {
    const pages = [
      ['home', '/', undefined],
      ['topic', TOPIC, undefined],
      ['article', ARTICLE, undefined],
      ['search with results', '/search/?q=timeout', '.kb-search-page-hits .kb-search-hit'],
      ['404', MISSING, '.kb-search-page-hits .kb-search-hit'],
    ] as const;
    const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

    async function violations(page: Page): Promise<string[]> {
      await page.addScriptTag({ content: await axeSource });
      const results = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
        return (await axe.run(document)).violations;
      });
      return results.map(
        (violation) =>
          `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    }

    for (const colorScheme of ['light', 'dark'] as const) {
      it.each(pages)(`finds nothing on the %s page (${colorScheme})`, async (_, urlPath, waitFor) => {
        const page = await open(urlPath, { colorScheme });
        if (waitFor) await page.waitForSelector(waitFor);
        expect(await page.locator('h1').count()).toBe(1);
        expect(await violations(page)).toEqual([]);
      });

      it(`finds nothing in the header's open search results (${colorScheme})`, async () => {
        const page = await open(ARTICLE, { colorScheme });
        await page.keyboard.press('/');
        await page.keyboard.type('timeout');
        await page.waitForSelector('.kb-search-panel .kb-search-hit');
        expect(await violations(page)).toEqual([]);
      });
    }
  });
});

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}
