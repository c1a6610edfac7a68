import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineExtensionPlugins } from '../../src/markdown/inline-extensions.ts';
import { remarkCodeFigures } from '../../src/markdown/remark-code-figures.ts';
import { CHROMIUM, launchChromium } from '../helpers/chromium.ts';
import { requireTool } from '../helpers/require-tool.ts';
import { renderInline } from '../markdown/helpers/render-inline.ts';
import { MATERIAL_INLINE_EXTENSIONS as MATERIAL } from '../markdown/helpers/material-extensions.ts';

const require = createRequire(import.meta.url);
const root = path.join(import.meta.dirname, '../..');
const available = await requireTool(CHROMIUM, 'the inline extensions in a browser');

/** The fixture article rendered with every extension, on a page with the site's stylesheets. */
async function articlePage(): Promise<{ html: string; code: string }> {
  const source = await readFile(
    path.join(root, 'test/markdown/fixtures/inline-extensions/article.md'),
    'utf8',
  );
  const steps = inlineExtensionPlugins(MATERIAL, { features: ['content.code.annotate'] });
  const { html } = await renderInline(source, {
    remark: [...steps.remarkPlugins, remarkCodeFigures],
    rehype: steps.rehypePlugins,
    shiki: { transformers: steps.shikiTransformers },
  });
  const styles = await Promise.all(
    [
      'src/styles/global.css',
      'src/styles/inline-extensions.css',
      'src/styles/code-extensions.css',
      require.resolve('katex/dist/katex.min.css'),
    ].map((file) => readFile(path.resolve(root, file), 'utf8')),
  );
  const math = (await readFile(path.join(root, 'src/styles/math.css'), 'utf8')).replace(/@import[^;]*;/, '');
  const start = source.indexOf('```py');
  const code = source.slice(source.indexOf('\n', start) + 1, source.indexOf('\n```', start));
  return {
    html: `<!doctype html><html lang="en"><head><title>Cancel a task</title><style>${[...styles, math].join('\n')}</style></head><body><main class="kb-container">${html}</main></body></html>`,
    code,
  };
}

describe.skipIf(!available)('the inline extensions in a browser', () => {
  let browser: Browser;
  let page: Page;
  let code: string;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    const article = await articlePage();
    code = article.code;
    await page.setContent(article.html);
  });

  afterAll(async () => browser?.close());

  it.skipIf(!process.env['KB_SCREENSHOTS'])(
    'takes screenshots for a person to look at (KB_SCREENSHOTS=dir)',
    async () => {
      for (const theme of ['light', 'dark']) {
        await page.evaluate((name) => (document.documentElement.dataset['theme'] = name), theme);
        await page.screenshot({
          path: path.join(process.env['KB_SCREENSHOTS']!, `inline-extensions-${theme}.png`),
          fullPage: true,
        });
      }
    },
  );

  it.each(['light', 'dark'])('has no accessibility violations in the %s theme (axe-core)', async (theme) => {
    await page.evaluate((name) => (document.documentElement.dataset['theme'] = name), theme);
    await page.addScriptTag({ content: await readFile(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } }).axe;
      return (await axe.run(document)).violations;
    });
    expect(
      violations.map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
      ),
    ).toEqual([]);
  });

  it('copies the code as written: no line numbers, the annotation marker as in the source', async () => {
    // What the copy button reads (src/client/copy-code.ts): the block's rendered text.
    const copied = await page.evaluate(
      () => document.querySelector<HTMLElement>('figure.kb-code-example pre')!.innerText,
    );
    expect(copied.replace(/\n$/, '')).toBe(code);
  });

  it('draws line numbers and annotation badges, which take no characters of the code', async () => {
    const drawn = await page.evaluate(() => {
      const before = (selector: string) =>
        getComputedStyle(document.querySelector(selector)!, '::before').content;
      return { number: before('.linenos'), badge: before('a.code-annotation') };
    });
    // Eleven lines: numbers are two wide, right-aligned, as pymdownx pads them.
    expect(drawn).toEqual({ number: '" 1 "', badge: '"1"' });
  });
});
