import type { Data, Literal, Root } from 'mdast';
import { visit } from './visit-tree.ts';
import type { VFile } from 'vfile';

/** One of pymdownx.superfences' `custom_fences`, as `mkdocs.yml` gives it (`format` as a string). */
export interface CustomFence {
  name: string;
  class?: string;
  /** `!!python/name:pymdownx.superfences.fence_code_format` or `…fence_div_format`. */
  format?: string;
}

/** The options of `pymdownx.superfences` as `mkdocs.yml` gives them. */
export interface SuperfencesOptions {
  custom_fences?: CustomFence[];
}

/** A fence that a custom fence formats (a diagram, say): kept as text, never highlighted or run. */
export interface CustomFenceBlock extends Literal {
  type: 'customFence';
  /** The fence's language word, the custom fence's `name`. */
  name: string;
  data?: Data;
}

declare module 'mdast' {
  interface RootContentMap {
    customFence: CustomFenceBlock;
  }
  interface BlockContentMap {
    customFence: CustomFenceBlock;
  }
}

/**
 * pymdownx.superfences' custom fences, such as Material's Mermaid diagrams.
 *
 * ````md
 * ```mermaid                        →  <pre class="mermaid">sequenceDiagram
 * sequenceDiagram                         A->>B: fetch()</pre>
 *     A->>B: fetch()
 * ```
 * ````
 *
 * A fence whose language names a custom fence becomes a `customFence` node, written as
 * the format says: `fence_code_format` as `<pre class="…">` (MkDocs adds a `<code>` inside,
 * which would make Astro highlight it), `fence_div_format` as `<div class="…">`, the source as text. It is no longer a `code` node, so it is neither
 * highlighted, nor wrapped as an example, nor run. The source stays readable without
 * JavaScript; the document model notes a page with a `mermaid` fence, for the layout to add
 * the script that draws it (src/client/mermaid-diagrams.ts).
 * A custom fence with another format is shown as code, with a warning (rule `markdown-unsupported`).
 * Nested fences (in lists, admonitions) need nothing here: CommonMark reads them already.
 */
export function remarkCustomFences(options: SuperfencesOptions = {}) {
  const fences = new Map((options.custom_fences ?? []).map((fence) => [fence.name, fence]));
  return (tree: Root, file: VFile) => {
    if (fences.size === 0) return;
    visit(tree, 'code', (node, index, parent) => {
      const fence = fences.get(node.lang ?? '');
      if (!fence || !parent || index === undefined) return;
      const format = (fence.format ?? '').replace(/^!!python\/name:/, '').trim();
      const element = format.endsWith('fence_code_format')
        ? 'pre'
        : format.endsWith('fence_div_format')
          ? 'div'
          : undefined;
      if (!element) {
        file.message(
          `\`${fence.name}\` fences use the format \`${format}\`, which is not supported: shown as code`,
          {
            place: node.position,
            ruleId: 'markdown-unsupported',
            source: 'pymdownx.superfences',
          },
        );
        return;
      }
      const classes = (fence.class ?? fence.name).split(/\s+/).filter(Boolean);
      const text = { type: 'text' as const, value: node.value };
      const block: CustomFenceBlock = {
        type: 'customFence',
        name: fence.name,
        value: node.value,
        ...(node.position ? { position: node.position } : {}),
        data: {
          hName: element,
          hProperties: { className: classes },
          // The text sits in the <pre> without MkDocs' inner <code>: Astro's shiki step highlights
          // every <pre> holding a lone <code> (as `plaintext` when it has no language class)
          // and would replace the diagram with a highlighted block.
          hChildren: [text],
        },
      };
      parent.children.splice(index, 1, block);
    });
  };
}
