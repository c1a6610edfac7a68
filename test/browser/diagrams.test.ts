import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/diagram-site');
const ARTICLE = '/flows/how-does-a-request-flow/';

const hasChromium = await requireTool(CHROMIUM, 'the Mermaid diagram test in Chromium');
let server: StaticServer;
let browser: Browser;

describe.skipIf(!hasChromium)(
  'a page with a Mermaid diagram, built and opened in Chromium',
  { timeout: 60_000 },
  () => {
    beforeAll(async () => {
      const site = await buildSite(FIXTURE, { KB_EXAMPLES: 'off' });
      server = await serveStatic(site.outDir);
      browser = await launchChromium();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('draws the diagram with the Mermaid the build published, its source one click away', async () => {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (request) => failed.push(request.url()));
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(server.origin + ARTICLE);
      const svg = page.locator('.kb-mermaid-diagram > svg');
      await svg.waitFor({ timeout: 30_000 });
      expect(await svg.textContent()).toContain('request');
      expect(await page.locator('details.kb-mermaid-source pre.mermaid').textContent()).toContain(
        'Client->>Server: request',
      );
      expect(failed).toEqual([]);
    });

    it('leaves the diagram library out of the pages that have no diagram', async () => {
      const page = await browser.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
      await page.goto(server.origin + '/flows/');
      await page.waitForLoadState('networkidle');
      expect(scripts.filter((url) => url.includes('mermaid'))).toEqual([]);
    });
  },
);
