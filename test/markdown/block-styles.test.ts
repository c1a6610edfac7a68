import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderBlocks } from './helpers/render-blocks.ts';

const STYLES = path.join(import.meta.dirname, '../../src/styles');
const admonitionsCss = await readFile(path.join(STYLES, 'admonitions.css'), 'utf8');
const tabbedCss = await readFile(path.join(STYLES, 'tabbed.css'), 'utf8');

/** Material for MkDocs' types: the aliases sharing a colour, and the Material Design icon it draws. */
const TYPES: [string[], string, string][] = [
  [['note'], '#448aff', 'pencil'],
  [['abstract', 'summary', 'tldr'], '#00b0ff', 'clipboard-text'],
  [['info', 'todo'], '#00b8d4', 'information'],
  [['tip', 'hint', 'important'], '#00bfa5', 'fire'],
  [['success', 'check', 'done'], '#00c853', 'check-bold'],
  [['question', 'help', 'faq'], '#64dd17', 'help-circle'],
  [['warning', 'caution', 'attention'], '#ff9100', 'alert'],
  [['failure', 'fail', 'missing'], '#ff5252', 'close-thick'],
  [['danger', 'error'], '#ff1744', 'lightning-bolt'],
  [['bug'], '#f50057', 'bug'],
  [['example'], '#7c4dff', 'format-list-numbered'],
  [['quote', 'cite'], '#9e9e9e', 'format-quote-close'],
];

async function iconPath(name: string): Promise<string> {
  const svg = await readFile(
    path.join(import.meta.dirname, `../../node_modules/@mdi/svg/svg/${name}.svg`),
    'utf8',
  );
  return /<path d="([^"]+)"/.exec(svg)![1]!;
}

describe('admonitions.css', () => {
  it.each(TYPES)('gives %j the colour %s and the icon %s', async (names, color, icon) => {
    const selector = `.kb-prose :is(.admonition, details):is(${names.map((name) => `.${name}`).join(', ')}) {`;
    const start = admonitionsCss.indexOf(selector);
    expect(start, selector).toBeGreaterThan(-1);
    const rule = admonitionsCss.slice(start, admonitionsCss.indexOf('}', start));
    expect(rule).toContain(`--admonition-color: ${color};`);
    expect(rule).toContain(`path d='${await iconPath(icon)}'`);
  });
});

const runBrowser = await requireTool(CHROMIUM, 'the block styles in a browser');

describe.skipIf(!runBrowser)('the styles in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function page(markdown: string, extensions: Record<string, Record<string, unknown>>) {
    const { html } = await renderBlocks(markdown, extensions);
    const tab = await browser.newPage();
    await tab.setContent(`<style>${admonitionsCss}${tabbedCss}</style><main class="kb-prose">${html}</main>`);
    return tab;
  }

  it.each([false, true])('switch tabs with CSS alone (alternate style: %s)', async (alternate) => {
    const tab = await page(
      '=== "One"\n    First panel.\n=== "Two"\n    Second panel.\n=== "Three"\n    Third panel.\n',
      {
        'pymdownx.tabbed': { alternate_style: alternate },
      },
    );
    const visible = async () =>
      Promise.all(['First', 'Second', 'Third'].map((word) => tab.getByText(`${word} panel.`).isVisible()));
    expect(await visible()).toEqual([true, false, false]);
    await tab.getByText('Three', { exact: true }).click();
    expect(await visible()).toEqual([false, false, true]);
    await tab.keyboard.press('ArrowLeft');
    expect(await visible()).toEqual([false, true, false]);
    await tab.close();
  });

  it('draw each type in its colour with its icon', async () => {
    const tab = await page(
      TYPES.map(([[name]]) => `!!! ${name}\n    Body.\n\n??? ${name}\n    Body.\n`).join('\n'),
      { admonition: {}, 'pymdownx.details': {} },
    );
    const drawn = await tab.evaluate(() =>
      [...document.querySelectorAll('.admonition-title, summary')].map((title) => {
        const before = getComputedStyle(title, '::before');
        return [before.backgroundColor, before.maskImage.slice(0, 30)];
      }),
    );
    const expected = TYPES.flatMap(([, color]) => {
      const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)).join(', ')})`;
      return [rgb, rgb];
    });
    expect(drawn.map(([color]) => color)).toEqual(expected);
    expect(drawn.every(([, mask]) => mask!.startsWith('url("data:image/svg+xml'))).toBe(true);
    await tab.close();
  });
});
