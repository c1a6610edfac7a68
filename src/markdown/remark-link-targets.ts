import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pagePathOf } from '../model/link-graph.ts';
import { setAstroFrontmatter } from './astro-frontmatter.ts';

/**
 * Records the pages of the site that a body links to, so that each target page can say
 * where it is linked from. Runs after {@link remarkMkdocsLinks} has made links site paths:
 *
 * ```md
 * [Timeouts](timeouts.md#with-abortsignal)   →  frontmatter `links: ['/topic/timeouts/']`
 * [Docs](https://docs.python.org/)           →  (not recorded: not a page of this site)
 * ```
 *
 * The list (sorted, without duplicates; none when empty) is stored as `links` in Astro's frontmatter, which
 * travels with the content entry, so the link graph is built from entries with no extra pass.
 */
export function remarkLinkTargets() {
  return (tree: Root, file: VFile) => {
    const targets = new Set<string>();
    visit(tree, ['link', 'definition'], (node) => {
      const target = 'url' in node ? pagePathOf(node.url) : undefined;
      if (target !== undefined) targets.add(target);
    });
    if (targets.size > 0) setAstroFrontmatter(file, 'links', [...targets].sort());
  };
}
