import { describe, expect, it } from 'vitest';
import { cutOnWordBoundary, documentTitle, metaDescription } from '../../src/seo/text.ts';
import { escapeMarkdownText, firstSentence, markdownLinkDestination } from '../../src/seo/markdown-text.ts';

describe('titles and descriptions', () => {
  it('appends the site name while the title fits, drops it for a long question, cuts a very long one', () => {
    expect(documentTitle('How do I sleep?', 'Async Answers')).toBe('How do I sleep? · Async Answers');
    expect(documentTitle('Async Answers', 'Async Answers')).toBe('Async Answers');
    expect(documentTitle('Home', 'Async Answers', { isHome: true })).toBe('Home');
    const long = 'How does the Node.js event loop order microtasks and macrotasks?';
    expect(documentTitle(long, 'Async Answers')).toBe(long);
    expect(
      documentTitle(
        'How to fix RuntimeError: asyncio.run() cannot be called from a running event loop?',
        'Async Answers',
      ),
    ).toBe('How to fix RuntimeError: asyncio.run() cannot be called from a…');
  });

  it('cuts on a word boundary, drops the punctuation before the ellipsis, and cuts a single long word inside', () => {
    expect(cutOnWordBoundary('one two three', 20)).toBe('one two three');
    expect(cutOnWordBoundary('one two, three four', 12)).toBe('one two…');
    expect(cutOnWordBoundary('  spaced\n\nout   text ', 20)).toBe('spaced out text');
    expect(cutOnWordBoundary('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(cutOnWordBoundary('one two three four', 12).length).toBeLessThanOrEqual(12);
  });

  it('prefers the written description and falls back to the short answer, cut at about 155 characters', () => {
    expect(metaDescription('Written.', 'Short answer.')).toBe('Written.');
    expect(metaDescription('   ', 'Short answer.')).toBe('Short answer.');
    const answer = 'word '.repeat(60);
    const cut = metaDescription(undefined, answer);
    expect(cut.length).toBeLessThanOrEqual(155);
    expect(cut).toMatch(/word…$/);
    expect(metaDescription(undefined, undefined)).toBe('');
  });
});

describe('Markdown text for llms.txt', () => {
  it('escapes what would become markup or HTML, and nothing else', () => {
    expect(escapeMarkdownText('a </script> & [x](y) *b* `c` _d_ e.g. (f)')).toBe(
      'a \\</script\\> \\& \\[x\\](y) \\*b\\* \\`c\\` \\_d\\_ e.g. (f)',
    );
    expect(markdownLinkDestination('https://x.org/a (b)/<c>')).toBe('https://x.org/a%20%28b%29/%3Cc%3E');
  });

  it('takes the first sentence by the language’s rules', () => {
    expect(firstSentence('It works, e.g. here. Then more.', 'en')).toBe('It works, e.g. here.');
    expect(firstSentence('Call asyncio.run(main()). It returns.', 'en')).toBe('Call asyncio.run(main()).');
    expect(firstSentence('No full stop', 'en')).toBe('No full stop');
  });
});
