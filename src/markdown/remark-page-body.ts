import type { Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { PageRole } from './mdast-extensions.ts';

/** Roles of nodes that the page shows elsewhere (the layout) or not at all. */
const OFF_THE_BODY: ReadonlySet<PageRole> = new Set([
  'title-heading',
  'build-only',
  'see-also',
  'output-label',
]);

/**
 * Takes out of the body what the document model marked as shown elsewhere or only read by the build:
 *
 * ```md
 * # How do I …?              ← the H1 that repeats the title (the layout shows it, with its id)
 * <!-- more -->              ← a blog excerpt marker
 * <script type="application/ld+json">…</script>   ← the build publishes generated data instead
 * ## See also …              ← the layout shows it from the facts
 * **Output:**                ← the output figure says it
 * ```
 */
export function remarkPageBody() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const parent = node as Parent;
      if (parent.children.some((child) => OFF_THE_BODY.has(child.data?.kbRole as PageRole)))
        parent.children = parent.children.filter(
          (child) => !OFF_THE_BODY.has(child.data?.kbRole as PageRole),
        );
    });
  };
}
