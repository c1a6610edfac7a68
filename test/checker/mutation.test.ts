import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, copyFixture, FIXTURES, makeTempDir } from './helpers.ts';
import { createRandom } from '../../bench/generate-corpus.ts';

/**
 * A valid site of six articles that link to each other with file links and `#anchor` links.
 * Breaking links at random must be reported exactly: every broken link, and nothing else.
 */
const SITE = 'mutation-site';
const ARTICLES = ['await', 'cancellation', 'errors', 'promises', 'streams', 'timers'].map(
  (slug) => `async/${slug}.md`,
);
const BREAKS = 5;
const SEEDS = [1, 2024, 0xc0ffee];

/** An inline link `[text](target)` in an article, with the place the checker reports it at. */
interface Link {
  file: string;
  line: number;
  column: number;
  /** Index of the target's first character in the line. */
  start: number;
  target: string;
}

/** A link broken on purpose, and what the checker must say about it. */
interface Break {
  link: Link;
  replacement: string;
  ruleId: 'link-missing-file' | 'link-missing-anchor';
}

// Link text may hold inline code (`` [`await`](await.md) ``) but no brackets.
const INLINE_LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

function findLinks(file: string, text: string): Link[] {
  return text.split('\n').flatMap((content, index) =>
    [...content.matchAll(INLINE_LINK)].map((match) => ({
      file,
      line: index + 1,
      column: match.index + 1,
      start: match.index + match[0].indexOf('](') + 2,
      target: match[1]!,
    })),
  );
}

/** Picks `count` different links and breaks each: renames its file, or changes its anchor. */
function planBreaks(links: readonly Link[], count: number, random: () => number): Break[] {
  const pool = [...links];
  const breaks: Break[] = [];
  while (breaks.length < count) {
    const [link] = pool.splice(Math.floor(random() * pool.length), 1);
    if (!link) throw new Error('not enough links to break');
    const [file = '', anchor] = link.target.split('#');
    const tag = Math.floor(random() * 0x10000).toString(36);
    const renameFile = file !== '' && (anchor === undefined || random() < 0.5);
    breaks.push(
      renameFile
        ? {
            link,
            replacement: `${file.replace(/\.md$/, `-${tag}.md`)}${anchor === undefined ? '' : `#${anchor}`}`,
            ruleId: 'link-missing-file',
          }
        : { link, replacement: `${file}#${anchor ?? 'top'}-${tag}`, ruleId: 'link-missing-anchor' },
    );
  }
  return breaks;
}

/** Rewrites the broken links in place; several on one line are rewritten right to left. */
async function applyBreaks(site: string, breaks: readonly Break[]): Promise<void> {
  for (const file of new Set(breaks.map((b) => b.link.file))) {
    const lines = (await readFile(path.join(site, file), 'utf8')).split('\n');
    const inFile = breaks.filter((b) => b.link.file === file).sort((a, b) => b.link.start - a.link.start);
    for (const { link, replacement } of inFile) {
      const line = lines[link.line - 1]!;
      expect(line.slice(link.start, link.start + link.target.length)).toBe(link.target);
      lines[link.line - 1] =
        line.slice(0, link.start) + replacement + line.slice(link.start + link.target.length);
    }
    await writeFile(path.join(site, file), lines.join('\n'));
  }
}

/** Where a broken link starts once the links before it on its line have been rewritten (longer). */
function columnAfter(broken: Break, breaks: readonly Break[]): number {
  const shift = breaks
    .filter(
      (b) =>
        b.link.file === broken.link.file &&
        b.link.line === broken.link.line &&
        b.link.start < broken.link.start,
    )
    .reduce((sum, b) => sum + b.replacement.length - b.link.target.length, 0);
  return broken.link.column + shift;
}

describe('breaking links at random in a valid site', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let links: Link[];

  beforeAll(async () => {
    temp = await makeTempDir('mutation');
    const texts = await Promise.all(
      ARTICLES.map((file) => readFile(path.join(FIXTURES, SITE, file), 'utf8')),
    );
    links = ARTICLES.flatMap((file, index) => findLinks(file, texts[index]!));
  });

  afterAll(async () => {
    await temp?.remove();
  });

  it('starts from a site with no diagnostics and plenty of links of both kinds', async () => {
    const { diagnostics, fileCount } = await check(path.join(FIXTURES, SITE));
    expect(diagnostics).toEqual([]);
    expect(fileCount).toBe(8);
    expect(links.length).toBeGreaterThan(30);
    expect(links.filter((link) => link.target.startsWith('#')).length).toBeGreaterThan(2);
    expect(links.filter((link) => /\.md#/.test(link.target)).length).toBeGreaterThan(10);
  });

  it('breaks, over all seeds, both kinds of link, and links inside the In-short admonition too', () => {
    const all = SEEDS.flatMap((seed) => planBreaks(links, BREAKS, createRandom(seed)));
    expect(new Set(all.map((b) => b.ruleId))).toEqual(new Set(['link-missing-file', 'link-missing-anchor']));
    // Line 8 of every article is the indented body of `!!! info "In short"`.
    expect(all.some((b) => b.link.line === 8)).toBe(true);
  });

  // Links in the topic page are left alone: breaking one could orphan an article, a finding of its own.
  it.each(SEEDS)('seed %i: reports exactly the broken links, with file and line', async (seed) => {
    const breaks = planBreaks(links, BREAKS, createRandom(seed));
    const site = await copyFixture(SITE, path.join(temp.dir, String(seed)));
    await applyBreaks(site, breaks);

    const { diagnostics } = await check(site);
    const expected = breaks
      .map(
        (b) => `${b.link.file}:${b.link.line}:${columnAfter(b, breaks)} error ${b.ruleId} ${b.replacement}`,
      )
      .sort();
    const actual = diagnostics
      .map(
        (d) =>
          `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${/^the link `([^`]+)`/.exec(d.message)?.[1]}`,
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});
