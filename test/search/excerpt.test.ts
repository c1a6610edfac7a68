import { describe, expect, it } from 'vitest';
import { excerptParts, tidyExcerpt } from '../../src/client/search/excerpt.ts';
import { highlightTerms } from '../../src/client/search/search-terms.ts';

describe('pagefind excerpts, as text runs', () => {
  it('splits on <mark> and decodes the escaped text', () => {
    expect(excerptParts('a <mark>Promise&lt;void&gt;</mark> &amp; <mark>x</mark>.')).toEqual([
      { text: 'a ', marked: false },
      { text: 'Promise<void>', marked: true },
      { text: ' & ', marked: false },
      { text: 'x', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps unknown entities and drops any other tag', () => {
    expect(excerptParts('&#39;a&#x27; &nope; <b>b</b>')).toEqual([{ text: "'a' &nope; b", marked: false }]);
  });
});

describe('tidying an excerpt for showing under its title', () => {
  const worthMarking = (text: string) => highlightTerms(text).length > 0;

  it('drops the title, or the end of it, from the start', () => {
    const title = 'How to add a timeout in asyncio?';
    expect(
      tidyExcerpt(
        excerptParts('<mark>How</mark> to add a <mark>timeout</mark> in asyncio? On Python'),
        title,
        worthMarking,
      ),
    ).toEqual([{ text: 'On Python', marked: false }]);
    expect(
      tidyExcerpt(
        excerptParts('add a <mark>timeout</mark> in asyncio? Wrap the <mark>timeout</mark>'),
        title,
        worthMarking,
      ),
    ).toEqual([
      { text: 'Wrap the ', marked: false },
      { text: 'timeout', marked: true },
    ]);
    expect(tidyExcerpt(excerptParts('asyncio? and more'), title, worthMarking)).toEqual([
      { text: 'asyncio? and more', marked: false },
    ]);
  });

  it('unmarks common words', () => {
    expect(
      tidyExcerpt(excerptParts('<mark>how</mark> <mark>sleep</mark> <mark>in</mark>'), 'Other', worthMarking),
    ).toEqual([
      { text: 'how', marked: false },
      { text: ' ', marked: false },
      { text: 'sleep', marked: true },
      { text: ' ', marked: false },
      { text: 'in', marked: false },
    ]);
  });
});
