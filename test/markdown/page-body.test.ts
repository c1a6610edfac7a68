import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

async function html(markdown: string, title?: string): Promise<string> {
  return (await render(markdown, title === undefined ? {} : { title })).html;
}

describe('the H1 that repeats the title', () => {
  it('is dropped', async () => {
    expect(await html('# How do I x?\n\nText.\n', 'How do I x?')).toBe('<p>Text.</p>');
  });

  it('is dropped when whitespace differs', async () => {
    expect(await html('#   How do I   x?  \n\nText.\n', ' How do I x? ')).toBe('<p>Text.</p>');
  });

  it('is recognised after smart punctuation curled its quotes, dots and dashes', async () => {
    // The heading the site would show, had it been kept: `smarty` rewrote it; the id is MkDocs'.
    expect(await html(`# What's "await"... -- really?\n`, 'Another title')).toBe(
      '<h1 id="whats-await-really">What’s “await”… – really?</h1>',
    );
    expect(await html(`# What's "await"... -- really?\n\nText.\n`, `What's "await"... -- really?`)).toBe(
      '<p>Text.</p>',
    );
  });

  it('is kept when it differs from the title, or there is no title', async () => {
    expect(await html('# Something else\n\nText.\n', 'Title')).toBe(
      '<h1 id="something-else">Something else</h1>\n<p>Text.</p>',
    );
    expect(await html('# Title\n', undefined)).toBe('<h1 id="title">Title</h1>');
  });

  it('is only ever the first H1', async () => {
    expect(await html('# Other\n\n# Title\n', 'Title')).toBe(
      '<h1 id="other">Other</h1>\n<h1 id="title">Title</h1>',
    );
    // The title heading keeps its id on the page (the layout shows it), so a second one is `title_1`.
    expect(await html('# Title\n\n# Title\n', 'Title')).toBe('<h1 id="title_1">Title</h1>');
  });

  it('is not an H2 with the same text', async () => {
    expect(await html('## Title\n', 'Title')).toBe('<h2 id="title">Title</h2>');
  });
});

describe('MkDocs-only HTML', () => {
  it('drops the excerpt marker', async () => {
    expect(await html('Intro.\n\n<!-- more -->\n\nRest.\n\n<!--MORE-->\n')).toBe(
      '<p>Intro.</p>\n<p>Rest.</p>',
    );
  });

  it('drops JSON-LD scripts', async () => {
    const markdown = [
      '<script type="application/ld+json">',
      '{"@context": "https://schema.org", "@type": "FAQPage"}',
      '</script>',
      '',
      "<script type='application/ld+json'>{}</script>",
      '',
      'Text.',
    ].join('\n');
    expect(await html(markdown)).toBe('<p>Text.</p>');
  });

  it('keeps other HTML, other scripts and other comments', async () => {
    const markdown =
      '<div class="note">Kept.</div>\n\n<script>console.log(1)</script>\n\n<!-- a comment -->\n';
    expect(await html(markdown)).toBe(
      '<div class="note">Kept.</div>\n<script>console.log(1)</script>\n<!-- a comment -->',
    );
  });
});
