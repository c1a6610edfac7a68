import type { ExamplesSummary } from './open-site-data.ts';

/**
 * What the site may say about its code examples: only what this build ran and saw pass.
 * Undefined when there is nothing to say (no examples).
 */
export function examplesClaim(summary: ExamplesSummary): string | undefined {
  if (summary.total === 0) return undefined;
  if (summary.status === 'unverified')
    return 'Development preview: the code examples have not been run.';
  if (summary.status === 'skipped') return 'The code examples were not run for this build; each says so.';
  if (summary.failing === 0)
    return 'Every code example on this site ran and printed what its page shows when the site was built.';
  const failing = summary.failing === 1 ? '1 code example fails' : `${summary.failing} code examples fail`;
  return `${failing} when run, and says so where it stands; the others ran and printed what their pages show when the site was built.`;
}
