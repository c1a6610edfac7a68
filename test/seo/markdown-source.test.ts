import { describe, expect, it } from 'vitest';
import { cleanMarkdownSource } from '../../src/seo/markdown-source.ts';

describe('an article’s published Markdown', () => {
  it('drops the more marker and hand-written JSON-LD, keeping the frontmatter and everything else', () => {
    const source = [
      '---',
      'title: "Q?"',
      '---',
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
    ].join('\r\n');
    expect(cleanMarkdownSource(`\uFEFF${source}`)).toBe(
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

  it('leaves a file without build-only parts as it is', () => {
    const source = '---\ntitle: "Q?"\n---\n\nText.\n';
    expect(cleanMarkdownSource(source)).toBe(source);
  });
});
