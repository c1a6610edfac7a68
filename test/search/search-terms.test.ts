import { describe, expect, it } from 'vitest';
import {
  highlightTerms,
  queryFromPath,
  termsFromSearch,
  withHighlight,
} from '../../src/client/search/search-terms.ts';
import { isSearchShortcut } from '../../src/client/search/shortcuts.ts';

describe('the words to mark on the page a result opens', () => {
  it.each([
    ['How to sleep in TypeScript?', ['sleep', 'typescript']],
    ['asyncio.run() event-loop', ['asyncio', 'run', 'event', 'loop']],
    ['sleep SLEEP Sleep', ['sleep']],
    ['a I to', []],
    ['Promise.allSettled $timeout', ['promise', 'allsettled', '$timeout']],
  ])('%s → %j', (query, expected) => {
    expect(highlightTerms(query)).toEqual(expected);
  });

  it('adds them to a result URL as highlight parameters, keeping its path, query and hash', () => {
    expect(withHighlight('/a/b/', 'how to sleep')).toBe('/a/b/?highlight=sleep');
    expect(withHighlight('/a/b/#x', 'abort signal')).toBe('/a/b/?highlight=abort&highlight=signal#x');
    expect(withHighlight('http://127.0.0.1:8080/a/', 'sleep')).toBe(
      'http://127.0.0.1:8080/a/?highlight=sleep',
    );
    expect(withHighlight('/a/', 'how to')).toBe('/a/');
  });

  it('reads them back from a page’s query string', () => {
    expect(termsFromSearch('?highlight=sleep&highlight=typescript')).toEqual(['sleep', 'typescript']);
    expect(termsFromSearch('?highlight=how%20to%20sleep&q=x')).toEqual(['sleep']);
    expect(termsFromSearch('')).toEqual([]);
  });
});

describe('the 404 page’s query, from the missing path', () => {
  it.each([
    ['/typescript-async/how-to-sleep-in-typescript/', 'typescript async how to sleep in typescript'],
    ['/python/How_To_Await.html', 'python how to await'],
    ['/docs/index.md', 'docs'],
    ['/caf%C3%A9/', 'café'],
    ['/bad%E0%A4%A/', 'bad e0 a4 a'],
    ['/', ''],
  ])('%s → %s', (pathname, expected) => {
    expect(queryFromPath(pathname)).toBe(expected);
  });
});

describe('the keys that focus search', () => {
  const press = (
    key: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  ) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

  it('are / outside text fields, and Ctrl+K or Cmd+K anywhere', () => {
    expect(isSearchShortcut(press('/'), false)).toBe(true);
    expect(isSearchShortcut(press('/'), true)).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(press('K', { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(press('k'), false)).toBe(false);
    expect(isSearchShortcut(press('k', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isSearchShortcut(press('/', { ctrlKey: true }), false)).toBe(false);
  });
});
