import type { VFile } from 'vfile';

/**
 * Records a value in Astro's per-file frontmatter, which Astro hands to layouts
 * as `remarkPluginFrontmatter`.
 */
export function setAstroFrontmatter(file: VFile, key: string, value: unknown): void {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  data.astro.frontmatter[key] = value;
}

/** Reads a value from Astro's per-file frontmatter (set by Astro or by an earlier plugin). */
export function getAstroFrontmatter(file: VFile, key: string): unknown {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  return data.astro?.frontmatter?.[key];
}
