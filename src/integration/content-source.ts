import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroMarkdownOptions, MarkdownRenderer } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { ContentEntry, ContentSource, RenderedEntry } from '../site/content-source.ts';
import { renderedFacts } from '../site/rendered-facts.ts';
import { loaderIdentity } from '../model/document-cache.ts';
import { frontmatterEndLine } from '../model/split-frontmatter.ts';
import type { Verification } from '../markdown/remark-code-figures.ts';
import { openRenderCache } from './render-cache.ts';

/** A content file with valid frontmatter, as proving or the dev server loaded it. */
export interface SourceDocument extends ContentEntry {
  /** Path relative to the content folder (`topic/slug.md`). */
  file: string;
  /** Site path (`/topic/slug/`). */
  url: string;
  /** The file's text, BOM removed and line endings normalised. */
  text: string;
}

/** The integration's content source, with what the build needs besides the pages' view. */
export interface BuildContentSource extends ContentSource {
  /** Forgets the loaded documents (a content file changed); the rendered bodies stay cached. */
  invalidate(): void;
  /** Deletes cached bodies this build did not use; returns how many. */
  prune(): Promise<number>;
  /** Bodies rendered in this process and bodies read from the cache. */
  counts(): { rendered: number; cached: number };
}

/**
 * The pages' content: the documents from `load`, and each body rendered with Astro's Markdown
 * processor (our remark plugins, shiki) once, then kept in a cache under Astro's `cacheDir`,
 * one file per body. The pages read one body at a time, so a build never holds every page's
 * HTML at once, as Astro's content store does.
 */
export function createContentSource(options: {
  contentDir: string;
  root: string;
  config: Pick<AstroConfig, 'markdown' | 'image' | 'cacheDir'>;
  verification: Verification;
  load: () => Promise<SourceDocument[]>;
}): BuildContentSource {
  const { config } = options;
  const cache = openRenderCache(fileURLToPath(new URL('kb-rendered/', config.cacheDir)));
  let documents: Promise<Map<string, SourceDocument>> | undefined;
  const loaded = () =>
    (documents ??= options.load().then((list) => new Map(list.map((doc) => [doc.id, doc]))));
  let fingerprint: Promise<string> | undefined;
  let renderer: Promise<MarkdownRenderer> | undefined;
  const counts = { rendered: 0, cached: 0 };

  // Per document: the model asks for its facts, then its page for its HTML.
  const keys = new WeakMap<SourceDocument, Promise<string>>();
  const keyOf = (doc: SourceDocument) => {
    let key = keys.get(doc);
    if (!key) {
      key = (fingerprint ??= fingerprintOf(options)).then((print) =>
        cache.keyOf(print, [doc.file, doc.text]),
      );
      keys.set(doc, key);
    }
    return key;
  };
  const documentOf = async (id: string) => {
    const doc = (await loaded()).get(id);
    if (!doc) throw new Error(`No content file has the id \`${id}\`.`);
    return doc;
  };

  const render = async (doc: SourceDocument): Promise<RenderedEntry> => {
    const key = await keyOf(doc);
    const hit = await cache.get(key);
    if (hit) {
      counts.cached++;
      return hit;
    }
    // The same renderer Astro gives `.md` files, made only when a body is not cached, with the
    // options as Astro passes them (its config types differ from the renderer's only in optional fields).
    renderer ??= config.markdown.processor.createRenderer({
      image: config.image,
      syntaxHighlight: config.markdown.syntaxHighlight,
      shikiConfig: config.markdown.shikiConfig,
      gfm: config.markdown.gfm,
      smartypants: config.markdown.smartypants,
    } as AstroMarkdownOptions);
    const result = await (
      await renderer
    ).render(bodyOf(doc.text), {
      // A copy: the plugins record their facts in the frontmatter they are given.
      frontmatter: { ...doc.data },
      fileURL: pathToFileURL(path.join(options.contentDir, doc.file)),
    });
    const entry: RenderedEntry = {
      html: result.code,
      headings: result.metadata.headings,
      facts: renderedFacts(result.metadata.frontmatter),
    };
    await cache.set(key, entry);
    counts.rendered++;
    return entry;
  };

  return {
    async entries() {
      return [...(await loaded()).values()];
    },
    async render(id) {
      return render(await documentOf(id));
    },
    async facts(id) {
      const doc = await documentOf(id);
      return (await cache.facts(await keyOf(doc))) ?? (await render(doc)).facts;
    },
    invalidate() {
      documents = undefined;
    },
    prune: () => cache.prune(),
    counts: () => ({ ...counts }),
  };
}

/** The Markdown after the frontmatter, as Astro hands a content file's body to its renderer. */
function bodyOf(text: string): string {
  const end = Math.max(0, frontmatterEndLine(text));
  return text.split('\n').slice(end).join('\n').trim();
}

/** Everything besides a file that shapes its HTML: the plugins' code and options, the libraries, the verdict. */
async function fingerprintOf(options: {
  contentDir: string;
  root: string;
  config: Pick<AstroConfig, 'markdown'>;
  verification: Verification;
}): Promise<string> {
  const { processor, ...markdown } = options.config.markdown;
  const lockfile = await readFile(path.join(options.root, 'package-lock.json'), 'utf8').catch(() => '');
  return createHash('sha256')
    .update(
      JSON.stringify({
        code: await loaderIdentity(),
        processor: processor.name,
        markdown,
        contentDir: options.contentDir,
        verification: options.verification,
        lockfile: createHash('sha256').update(lockfile).digest('hex'),
      }),
    )
    .digest('hex');
}
