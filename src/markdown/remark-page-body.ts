import type { Parent, Root } from 'mdast';
import { visit } from './visit-tree.ts';
import type { PageRole } from './mdast-extensions.ts';

/** Marks the title heading's element in the rendered body (a hast property), for the renderer to lift out. */
export const TITLE_HEADING_PROPERTY = 'dataKbTitleHeading';

/** Roles of nodes that the page shows elsewhere (the layout) or not at all. */
const OFF_THE_BODY: ReadonlySet<PageRole> = new Set(['build-only', 'see-also', 'output-label']);

/**
 * Takes out of the body what the document model marked as shown elsewhere or only read by the build:
 *
 * ```md
 * <!-- more -->              ← a blog excerpt marker
 * <script type="application/ld+json">…</script>   ← the build publishes generated data instead
 * ## See also …              ← the layout shows it from the facts
 * **Output:**                ← the output figure says it
 * ```
 */
export function remarkPageBody() {
  return (tree: Root) => {
    visit(tree, (node) => {
      // The H1 that opens the page: rendered with the body (its inline code and emphasis kept),
      // then lifted out into the layout's heading, see `RenderedBody.heading`.
      if (node.data?.kbRole === 'title-heading') {
        node.data.hProperties = { ...node.data.hProperties, [TITLE_HEADING_PROPERTY]: true };
        return;
      }
      if (!('children' in node)) return;
      const parent = node as Parent;
      if (parent.children.some((child) => OFF_THE_BODY.has(child.data?.kbRole as PageRole)))
        parent.children = parent.children.filter(
          (child) => !OFF_THE_BODY.has(child.data?.kbRole as PageRole),
        );
    });
  };
}
