import { describe, expect, it } from 'vitest';
import { cleanMarkdownSource } from '../../src/seo/markdown-source.ts';
import { render } from '../markdown/render.ts';

/** The published Markdown of `body` under a one-line frontmatter, as the build writes it from the facts. */
async function published(body: string): Promise<string> {
  const text = `---\ntitle: "Q?"\n---\n${body}`;
  const { facts } = await render(body, { title: 'Q?' });
  return cleanMarkdownSource(text, facts.buildOnly);
}

describe('an article’s published Markdown', () => {
  it('drops the more marker and hand-written JSON-LD the model found, keeping everything else', async () => {
    const body = [
      '',
      '# Q?',
      '',
      '<!-- more -->',
      '',
      '!!! info "In short"',
      '    The answer, with <!-- more --> in a sentence.',
      '',
      '```html',
      '<script type="application/ld+json">{"kept": "in code"}</script>',
      '```',
      '',
      '<script type="application/ld+json">',
      '{"@context": "https://schema.org", "@type": "FAQPage"}',
      '</script>',
      '',
    ].join('\n');
    expect(await published(body)).toBe(
      [
        '---',
        'title: "Q?"',
        '---',
        '',
        '# Q?',
        '',
        '!!! info "In short"',
        '    The answer, with <!-- more --> in a sentence.',
        '',
        '```html',
        '<script type="application/ld+json">{"kept": "in code"}</script>',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('leaves a file without build-only parts as it is', async () => {
    expect(await published('\nText.\n')).toBe('---\ntitle: "Q?"\n---\n\nText.\n');
  });
});
