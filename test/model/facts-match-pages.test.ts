import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type CheckResult } from '../../src/checks/check-content.ts';
import type { ContentDocument } from '../../src/model/load-document.ts';
import { buildSiteOnce, ROOT, type BuiltSite } from '../helpers/build-site.ts';

/**
 * One fact, one place, checked on real builds: what the checker knows about each page is what
 * the built page shows. Every content folder here builds cleanly.
 */
const SITES = {
  'the bundled knowledge base': path.join(ROOT, 'content'),
  'the agreement fixture': path.join(import.meta.dirname, 'fixtures/agreement-site'),
  'the MkDocs fixture': path.join(ROOT, 'test/site/fixtures/mkdocs-site'),
  'the SEO fixture': path.join(ROOT, 'test/seo/fixtures/seo-site'),
};

interface Built {
  check: CheckResult;
  site: BuiltSite;
}

const built = new Map<string, Built>();

beforeAll(async () => {
  for (const [name, contentDir] of Object.entries(SITES)) {
    const check = await checkContent({ contentDir, cwd: contentDir });
    const site = await buildSiteOnce(contentDir, { KB_EXAMPLES: 'off' });
    built.set(name, { check, site });
  }
}, 900_000);

/** The built HTML of a published document. */
async function pageOf(site: BuiltSite, doc: ContentDocument): Promise<HTMLElement> {
  return parse(await readFile(path.join(site.outDir, decodeURI(doc.route.url), 'index.html'), 'utf8'));
}

/** Ids of the headings the page shows from the document: the title, the body's, and "See also". */
function pageHeadingIds(html: HTMLElement): string[] {
  const headings = html.querySelectorAll(
    'main h1, main .kb-prose h2, main .kb-prose h3, main .kb-prose h4, main .kb-prose h5, main .kb-prose h6, main .kb-see-also h2',
  );
  return headings.map((heading) => heading.id).filter(Boolean);
}

const published = (check: CheckResult) =>
  check.published.filter((doc) => doc.route.kind !== 'topic' || doc.facts);

describe.each(Object.keys(SITES))('%s', (name) => {
  const get = () => built.get(name)!;

  it('builds with no findings, so every page is published', () => {
    expect(get().check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has on each page exactly the heading ids the checker knows', async () => {
    const { check, site } = get();
    for (const doc of published(check)) {
      const known = (doc.facts?.headings ?? []).map((heading) => heading.id);
      const shown = pageHeadingIds(await pageOf(site, doc));
      expect({ page: doc.file, ids: [...shown].sort() }).toEqual({ page: doc.file, ids: [...known].sort() });
    }
  });

  it('has no internal link, fragment included, that misses its file or id', async () => {
    const { check, site } = get();
    const idsByFile = new Map<string, Set<string>>();
    const idsOf = async (file: string) => {
      if (!idsByFile.has(file)) {
        const html = parse(await readFile(file, 'utf8'));
        idsByFile.set(file, new Set(html.querySelectorAll('[id]').map((element) => element.id)));
      }
      return idsByFile.get(file)!;
    };
    const broken: string[] = [];
    for (const doc of published(check)) {
      const page = await pageOf(site, doc);
      for (const anchor of page.querySelectorAll('a[href]')) {
        const href = anchor.getAttribute('href')!;
        if (/^[a-z][a-z\d+.-]*:|^\/\//i.test(href)) continue;
        const target = new URL(href, `https://site.test${doc.route.url}`);
        const file = path.join(site.outDir, decodeURIComponent(target.pathname));
        const html = target.pathname.endsWith('/') ? path.join(file, 'index.html') : file;
        if (!existsSync(html)) broken.push(`${doc.file}: ${href} (no file)`);
        else if (
          target.hash &&
          html.endsWith('.html') &&
          !(await idsOf(html)).has(decodeURIComponent(target.hash.slice(1)))
        )
          broken.push(`${doc.file}: ${href} (no id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('publishes as the FAQ answer the short answer the checker read', async () => {
    const { check, site } = get();
    for (const doc of published(check).filter((d) => d.route.kind === 'article' && d.facts?.inShort)) {
      const page = await pageOf(site, doc);
      const graph = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent) as {
        '@graph': { '@type': string; mainEntity?: { acceptedAnswer: { text: string } } }[];
      };
      const faq = graph['@graph'].find((node) => node['@type'] === 'FAQPage');
      expect({ page: doc.file, answer: faq?.mainEntity?.acceptedAnswer.text }).toEqual({
        page: doc.file,
        answer: doc.facts!.inShort!.text,
      });
      // One generated copy, never the hand-written one as well.
      expect(page.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
    }
  });

  it('lists under "Linked from" the articles the checker’s link graph says link here', async () => {
    const { check, site } = get();
    for (const doc of published(check).filter((d) => d.route.kind === 'article')) {
      const sources = [...check.graph]
        .filter(([from, targets]) => targets.has(doc) && from.route.kind === 'article')
        .map(([from]) => from.route.url)
        .sort();
      const page = await pageOf(site, doc);
      const shown = page
        .querySelectorAll('.kb-linked-from a')
        .map((link) => link.getAttribute('href')!)
        .sort();
      expect({ page: doc.file, linkedFrom: shown }).toEqual({ page: doc.file, linkedFrom: sources });
    }
  });
});

describe('the two facts the checker and the page once disagreed on', () => {
  it('a short answer with a list reads with spaces between its blocks, on the page and in the check', async () => {
    const { check } = built.get('the agreement fixture')!;
    const doc = check.documents.find((d) => d.file === 'queues/how-do-i-buffer-work-in-a-queue.md')!;
    expect(doc.facts?.inShort?.text).toBe('Use a queue: one producer one consumer');
    expect(check.diagnostics.filter((d) => d.ruleId === 'jsonld-answer-mismatch')).toEqual([]);
  });

  it('an H1 with a dash for the title’s hyphen is the title: shown once, with its id, which links reach', async () => {
    const { check, site } = built.get('the agreement fixture')!;
    const doc = check.documents.find((d) => d.file === 'queues/promises-a-primer.md')!;
    expect(doc.facts?.h1).toMatchObject({ leads: true, id: 'promises-a-primer' });
    const page = await pageOf(site, doc);
    expect(page.querySelectorAll('h1').map((h1) => h1.id)).toEqual(['promises-a-primer']);
    expect(check.diagnostics.filter((d) => d.ruleId === 'link-missing-anchor')).toEqual([]);
  });

  it('an H1 with inline code and emphasis keeps them on the page, as MkDocs shows it', async () => {
    const { check, site } = built.get('the agreement fixture')!;
    const doc = check.documents.find((d) => d.file === 'queues/why-does-await-wait-twice.md')!;
    const h1s = (await pageOf(site, doc)).querySelectorAll('h1');
    expect(h1s.map((h1) => [h1.id, h1.innerHTML])).toEqual([
      ['why-does-await-wait-twice', 'Why does <code>await</code> wait <em>twice</em>?'],
    ]);
  });
});
