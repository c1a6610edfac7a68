import { describe, expect, it } from 'vitest';
import { render } from './render.ts';

async function html(markdown: string, title?: string): Promise<string> {
  return (await render(markdown, title === undefined ? {} : { title })).html;
}

describe('the H1 that opens the page', () => {
  // MkDocs shows it as the page's heading; the layout shows it at the top, with its id.
  it('leaves the body, whether or not it repeats the title', async () => {
    expect(await html('# How do I x?\n\nText.\n', 'How do I x?')).toBe('<p>Text.</p>');
    expect(await html('#   How do I   x?  \n\nText.\n', ' How do I x? ')).toBe('<p>Text.</p>');
    expect(await html('# Something else\n\nText.\n', 'Title')).toBe('<p>Text.</p>');
  });

  it('keeps its inline markup for the layout’s heading', async () => {
    const rendered = await render('# Why `await` *twice*?\n\nText.\n', { title: 'Why await twice?' });
    expect(rendered.heading).toBe('Why <code>await</code> <em>twice</em>?');
    expect(rendered.html).toBe('<p>Text.</p>');
    expect((await render('Intro.\n\n# Title\n')).heading).toBeUndefined();
  });

  it('is the page’s heading, with its id and its smart punctuation, as the facts give it', async () => {
    const { facts } = await render(`# What's "await"... -- really?\n\nText.\n`, { title: 'Another title' });
    expect(facts.h1).toMatchObject({
      text: 'What’s “await”… – really?',
      id: 'whats-await-really',
      leads: true,
    });
  });

  it('is only the first H1, and only when nothing but comments comes before it', async () => {
    expect(await html('# Other\n\n# Title\n', 'Title')).toBe('<h1 id="title">Title</h1>');
    // The page's heading keeps its id (the layout shows it), so a second one is `title_1`.
    expect(await html('# Title\n\n# Title\n', 'Title')).toBe('<h1 id="title_1">Title</h1>');
    expect(await html('<!-- more -->\n\n# Title\n\nText.\n', 'Title')).toBe('<p>Text.</p>');
    expect(await html('Intro.\n\n# Title\n', 'Title')).toBe('<p>Intro.</p>\n<h1 id="title">Title</h1>');
    expect((await render('Intro.\n\n# Title\n')).facts.h1?.leads).toBe(false);
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
