import type { RemarkPlugins } from '@astrojs/markdown-remark';
import { remarkAdmonitions } from './remark-admonitions.ts';
import { remarkCodeFigures, type Verification } from './remark-code-figures.ts';
import { remarkMkdocsCleanup } from './remark-mkdocs-cleanup.ts';
import { remarkLinkTargets } from './remark-link-targets.ts';
import { remarkMkdocsLinks, type MkdocsLinksOptions } from './remark-mkdocs-links.ts';
import { remarkSeeAlso } from './remark-see-also.ts';

/**
 * The remark plugins that read Material-for-MkDocs Markdown, in the order they must run:
 * cleanup first (the H1 and markers are top-level nodes that admonition bodies never hold),
 * then admonitions (their bodies become real nodes), and only then links and code figures,
 * so that links and code inside admonitions are handled too. Link targets are recorded once
 * links are site paths, and before the "See also" section (the richest source of links)
 * is lifted out of the body for the layout to show.
 */
export function mkdocsRemarkPlugins(
  options: MkdocsLinksOptions & { verification?: Verification },
): RemarkPlugins {
  const { verification, ...links } = options;
  return [
    remarkMkdocsCleanup,
    remarkAdmonitions,
    [remarkMkdocsLinks, links],
    remarkLinkTargets,
    remarkSeeAlso,
    [remarkCodeFigures, verification ? { verification } : {}],
  ];
}
