import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/mkdocs-site');
let site: BuiltSite;

async function page(urlPath: string): Promise<HTMLElement> {
  // `pre` parsed as elements, not raw text, to look into highlighted code.
  return parse(await readFile(path.join(site.outDir, urlPath, 'index.html'), 'utf8'), {
    blockTextElements: { script: true, style: true },
  });
}

beforeAll(async () => {
  site = await buildSite(FIXTURE);
}, 240_000);

describe('building a MkDocs-format content folder as it is', () => {
  it('publishes a page for every article, topic, plain page and the home page', async () => {
    for (const urlPath of [
      '',
      'guides',
      'recipes',
      'privacy',
      'guides/how-do-i-greet-someone',
      'recipes/how-do-i-say-goodbye',
    ]) {
      await expect(stat(path.join(site.outDir, urlPath, 'index.html')), urlPath).resolves.toBeTruthy();
    }
    await expect(stat(path.join(site.outDir, '404.html'))).resolves.toBeTruthy();
  });

  it('copies the static files of the content folder unchanged', async () => {
    expect(await readFile(path.join(site.outDir, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
    expect(await readFile(path.join(site.outDir, 'CNAME'), 'utf8')).toBe('fixture.example.org\n');
    expect((await readFile(path.join(site.outDir, 'images/dot.png'))).subarray(1, 4).toString()).toBe('PNG');
  });

  it('renders the question once, as the only H1, and drops MkDocs-only markup', async () => {
    const article = await page('guides/how-do-i-greet-someone');
    expect(article.querySelectorAll('h1').map((h) => h.text)).toEqual(['How do I greet someone?']);
    const html = article.toString();
    expect(html).not.toContain('<!-- more -->');
    expect(html).not.toContain('application/ld+json">\n{"@context"');
    expect(article.querySelector('title')?.text).toBe('How do I greet someone? · Async Answers');
  });

  it('renders admonitions as callouts, the short answer distinctly', async () => {
    const article = await page('guides/how-do-i-greet-someone');
    const inShort = article.querySelector('div.admonition.kb-in-short');
    expect(inShort?.querySelector('.admonition-title')?.text).toBe('In short');
    expect(inShort?.querySelector('strong')?.text).toBe('friendly');
    const warning = article.querySelector('div.admonition.warning');
    expect(warning?.querySelector('ul ul li')?.text).toBe('nested item');
    expect(warning?.querySelector('figure.kb-code-example pre')?.text).toBe('print(greet(""))');
    const collapsible = article.querySelector('details.note');
    expect(collapsible?.querySelector('summary')?.text).toBe('Why a comma?');
    expect(collapsible?.hasAttribute('open')).toBe(false);
  });

  it('rewrites relative .md links to page URLs, keeping anchors', async () => {
    const hrefs = (await page('guides/how-do-i-greet-someone'))
      .querySelectorAll('.kb-prose a')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/recipes/how-do-i-say-goodbye/#the-short-way', '/guides/', '/']);
    const image = (await page('guides/how-do-i-greet-someone')).querySelector('.kb-prose img');
    expect(image?.getAttribute('src')).toBe('/images/dot.png');
  });

  it('shows "See also" with the link texts as written, and "Linked from" on the targets', async () => {
    const links = (page: HTMLElement, selector: string) =>
      page.querySelectorAll(`${selector} a`).map((a) => [a.getAttribute('href'), a.text]);
    const greet = await page('guides/how-do-i-greet-someone');
    expect(links(greet, '.kb-see-also')).toEqual([['/recipes/how-do-i-say-goodbye/', 'Saying goodbye']]);
    expect(greet.querySelectorAll('.kb-prose h2').map((h) => h.text)).not.toContain('See also');
    const goodbye = await page('recipes/how-do-i-say-goodbye');
    expect(links(goodbye, '.kb-linked-from')).toEqual([
      ['/guides/how-do-i-greet-someone/', 'How do I greet someone?'],
    ]);
  });

  it('highlights examples and marks the block after them as output', async () => {
    const article = await page('guides/how-do-i-greet-someone');
    const example = article.querySelector('figure.kb-code-example');
    expect(example?.getAttribute('data-lang')).toBe('python');
    expect(example?.querySelector('figcaption')?.text).toBe('Example 1');
    expect(example?.querySelector('pre.astro-code span[style*="--shiki-dark"]')).not.toBeNull();
    expect(example?.querySelector('button.kb-copy-button')?.getAttribute('aria-label')).toBe(
      'Copy code to clipboard',
    );
    const output = example?.nextElementSibling;
    expect(output?.classList.contains('kb-code-output')).toBe(true);
    expect(output?.querySelector('pre')?.text).toBe('Hello, Ada!');
    expect(article.querySelectorAll('.kb-prose p').some((p) => p.text.trim() === 'Output:')).toBe(false);

    const fenced = (await page('recipes/how-do-i-say-goodbye')).querySelector('figure.kb-code-output pre');
    expect(fenced?.text).toBe('Goodbye');
  });

  it('lists each topic’s questions with their one-line answers, and the topics on the home page', async () => {
    const guides = await page('guides');
    expect(guides.querySelector('h1')?.text).toBe('Guides');
    expect(guides.querySelector('.kb-question-list a')?.getAttribute('href')).toBe(
      '/guides/how-do-i-greet-someone/',
    );
    expect(guides.querySelector('.kb-question-list p')?.text).toBe(
      'Greeting people in the fixture language: say hello with a name and print it.',
    );
    const home = await page('');
    expect(home.querySelectorAll('.kb-topic-list a').map((a) => a.text)).toEqual(['Guides', 'Recipes']);
  });

  it('renders a plain page without Q&A parts', async () => {
    const privacy = await page('privacy');
    expect(privacy.querySelectorAll('h1').map((h) => h.text)).toEqual(['Privacy policy']);
    expect(privacy.querySelector('.kb-in-short')).toBeNull();
    expect(privacy.querySelector('.kb-breadcrumbs')).toBeNull();
  });

  it('sets the language, description, canonical URL and viewport on every page', async () => {
    const article = await page('recipes/how-do-i-say-goodbye');
    expect(article.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(article.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(
      'Saying goodbye in the fixture language, with an example whose output follows it.',
    );
    expect(article.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://async-answers.example.org/recipes/how-do-i-say-goodbye/',
    );
    expect(article.querySelector('meta[name="viewport"]')).not.toBeNull();
  });
});
