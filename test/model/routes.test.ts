import { describe, expect, it } from 'vitest';
import { hrefOf } from '../../src/core/site-paths.ts';
import {
  idForContentFile,
  resolveContentLink,
  routeForContentFile,
  slugInTopic,
  topicsOf,
  urlForContentFile,
} from '../../src/model/routes.ts';

describe('urlForContentFile', () => {
  it.each([
    ['index.md', '/'],
    ['README.md', '/'],
    ['privacy.md', '/privacy/'],
    ['topic.md', '/topic/'],
    ['topic/index.md', '/topic/'],
    ['topic/README.md', '/topic/'],
    ['topic/slug.md', '/topic/slug/'],
    ['topic/Slug.MD', '/topic/Slug/'],
    ['a/b/c.md', '/a/b/c/'],
    ['a/b/index.md', '/a/b/'],
  ])('%s → %s', (file, url) => {
    expect(urlForContentFile(file)).toBe(url);
  });
});

describe('idForContentFile', () => {
  it.each([
    ['index.md', 'index'],
    ['topic/index.md', 'topic/index'],
    ['topic/slug.md', 'topic/slug'],
  ])('%s → %s', (file, id) => {
    expect(idForContentFile(file)).toBe(id);
  });
});

describe('routeForContentFile', () => {
  const files = ['index.md', 'privacy.md', 'topic.md', 'topic/a.md', 'other/index.md', 'other/b.md'];
  const topics = topicsOf(files);

  it('finds the topics: first folders holding Markdown', () => {
    expect(topics).toEqual(new Set(['topic', 'other']));
  });

  it.each([
    ['index.md', { id: 'index', url: '/', kind: 'home', topic: undefined }],
    ['README.md', { id: 'README', url: '/', kind: 'home', topic: undefined }],
    ['privacy.md', { id: 'privacy', url: '/privacy/', kind: 'page', topic: undefined }],
    ['topic.md', { id: 'topic', url: '/topic/', kind: 'topic', topic: 'topic' }],
    ['other/index.md', { id: 'other/index', url: '/other/', kind: 'topic', topic: 'other' }],
    ['other/README.md', { id: 'other/README', url: '/other/', kind: 'topic', topic: 'other' }],
    ['topic/a.md', { id: 'topic/a', url: '/topic/a/', kind: 'article', topic: 'topic' }],
    ['other/b.md', { id: 'other/b', url: '/other/b/', kind: 'article', topic: 'other' }],
  ])('%s', (file, expected) => {
    expect(routeForContentFile(file, topics)).toStrictEqual({ file, ...expected });
  });

  it.each([
    ['t/hash#tag.md', '/t/hash#tag/', '/t/hash%23tag/'],
    ['t/what?.md', '/t/what?/', '/t/what%3F/'],
    ['t/100%.md', '/t/100%/', '/t/100%25/'],
    ['t/café.md', '/t/café/', '/t/caf%C3%A9/'],
    ['t/a b.md', '/t/a b/', '/t/a%20b/'],
    ['a#b/index.md', '/a#b/', '/a%23b/'],
  ])('%s: its path as files name it, and as a link', (file, url, href) => {
    const route = routeForContentFile(file, topicsOf([file]));
    expect({ url: route.url, href: hrefOf(route.url, '/') }).toEqual({ url, href });
  });
});

describe('slugInTopic', () => {
  it.each([
    ['t/slug.md', 'slug'],
    ['t/sub/index.md', 'sub'],
    ['t/sub/README.md', 'sub'],
    ['t/a/b.md', 'a/b'],
    ['t/hash#tag.md', 'hash#tag'],
  ])('%s → %s, the path inside its topic that the article route takes', (file, slug) => {
    expect(slugInTopic(routeForContentFile(file, topicsOf([file])))).toBe(slug);
  });
});

describe('resolveContentLink', () => {
  it.each([
    ['topic/article.md', 'x.md', 'topic/x.md'],
    ['topic/article.md', './x.md', 'topic/x.md'],
    ['topic/article.md', 'sub/../x.md', 'topic/x.md'],
    ['topic/article.md', '../other/y.md', 'other/y.md'],
    ['topic/article.md', '../index.md', 'index.md'],
    ['topic/article.md', 'img.png', 'topic/img.png'],
    ['index.md', 'topic/x.md', 'topic/x.md'],
    ['a/b/c.md', '../../d.md', 'd.md'],
    ['topic/article.md', '../../x.md', undefined],
    ['topic/article.md', '../..', undefined],
    ['index.md', '../x.md', undefined],
  ])('from %s, %s → %s', (from, target, expected) => {
    expect(resolveContentLink(from, target)).toBe(expected);
  });
});
