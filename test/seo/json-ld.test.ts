import { describe, expect, it } from 'vitest';
import {
  articleNodes,
  graphOf,
  homeNodes,
  serializeJsonLd,
  type SiteIdentity,
} from '../../src/seo/json-ld.ts';

const SITE: SiteIdentity = {
  url: 'https://example.org',
  name: 'Example',
  description: 'An example site.',
  language: 'en',
  publisher: { type: 'Organization', name: 'Example', url: 'https://example.org/', logo: undefined },
  searchUrlTemplate: 'https://example.org/search/?q={search_term_string}',
};

describe('JSON-LD serialisation', () => {
  it('cannot end the script element or open a comment, and parses back to the same value', () => {
    const evil = 'a </script><script>alert(1)</script> <!-- b --> & c \u2028 d';
    const graph = graphOf([{ '@type': 'Thing', name: evil }]);
    const text = serializeJsonLd(graph);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(graph);
  });
});

describe('JSON-LD graphs', () => {
  it('makes an article an FAQPage whose TechArticle points to the page and the publisher by @id', () => {
    const nodes = articleNodes(SITE, {
      url: 'https://example.org/t/q/',
      question: 'Q?',
      description: 'D.',
      answer: 'A.',
      published: new Date('2025-01-02'),
      modified: undefined,
      author: 'Example',
      keywords: ['k1', 'k2'],
      section: 'T',
      image: { url: 'https://example.org/og/t/q.png', width: 1200, height: 630, alt: 'Q?' },
      breadcrumbs: [
        { name: 'Home', url: 'https://example.org/' },
        { name: 'T', url: 'https://example.org/t/' },
        { name: 'Q?', url: 'https://example.org/t/q/' },
      ],
    });
    const [page, article, breadcrumbs, publisher] = nodes as Record<string, unknown>[];
    expect(page).toMatchObject({
      '@type': 'FAQPage',
      '@id': 'https://example.org/t/q/',
      mainEntity: { '@type': 'Question', name: 'Q?', acceptedAnswer: { '@type': 'Answer', text: 'A.' } },
    });
    expect(article).toMatchObject({
      '@type': 'TechArticle',
      datePublished: '2025-01-02',
      // Never modified: the publication date.
      dateModified: '2025-01-02',
      // The author is the publisher: one node, referenced.
      author: { '@id': 'https://example.org/#publisher' },
      mainEntityOfPage: { '@id': 'https://example.org/t/q/' },
      keywords: 'k1, k2',
    });
    expect(breadcrumbs?.['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'T', item: 'https://example.org/t/' },
      { '@type': 'ListItem', position: 3, name: 'Q?', item: 'https://example.org/t/q/' },
    ]);
    expect(publisher).toMatchObject({ '@type': 'Organization', '@id': 'https://example.org/#publisher' });
  });

  it('gives the home page a WebSite with a search action and a Person publisher when configured so', () => {
    const [website, publisher] = homeNodes({
      ...SITE,
      publisher: { type: 'Person', name: 'Ada', url: 'https://ada.example/', logo: undefined },
    }) as Record<string, unknown>[];
    expect(website).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: 'https://example.org/search/?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
    expect(publisher).toEqual({
      '@type': 'Person',
      '@id': 'https://example.org/#publisher',
      name: 'Ada',
      url: 'https://ada.example/',
    });
  });
});
