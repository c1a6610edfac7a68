import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { getAstroFrontmatter } from './astro-frontmatter.ts';

const MORE_MARKER = /^<!--\s*more\s*-->$/i;
const JSON_LD_SCRIPT = /^<script\b[^>]*type=["']?application\/ld\+json["']?[^>]*>[\s\S]*<\/script>\s*$/i;

/**
 * Drops what MkDocs articles carry for MkDocs' sake and the layout now provides:
 *
 * ```md
 * # How do I …?              ← dropped when it equals the frontmatter title (the layout renders it)
 * <!-- more -->              ← dropped (a blog excerpt marker)
 * <script type="application/ld+json">…</script>   ← dropped (the layout emits generated data)
 * ```
 */
export function remarkMkdocsCleanup() {
  return (tree: Root, file: import('vfile').VFile) => {
    const title = getAstroFrontmatter(file, 'title');
    let h1Seen = false;
    tree.children = tree.children.filter((node) => {
      if (node.type === 'html') return !isBuildOnlyHtml(node.value);
      if (node.type === 'heading' && node.depth === 1 && !h1Seen) {
        h1Seen = true;
        return typeof title !== 'string' || normalise(toString(node)) !== normalise(title);
      }
      return true;
    });
  };
}

/** Smartypants (quotes, `...`, `--`) may have been applied to the heading but not to the frontmatter. */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u2013\u2014]/g, '--')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True for the HTML that only the build reads: `<!-- more -->` and a hand-written JSON-LD script. */
export function isBuildOnlyHtml(html: string): boolean {
  const value = html.trim();
  return MORE_MARKER.test(value) || JSON_LD_SCRIPT.test(value);
}
