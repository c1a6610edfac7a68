import type { ExamplesSummary } from './open-site-data.ts';

/**
 * What the site may say about its code examples: only what this build ran and saw pass.
 * Undefined when there is nothing to say (no examples).
 */
export function examplesClaim(summary: ExamplesSummary): string | undefined {
  if (summary.total === 0) return undefined;
  if (summary.status === 'unverified') return 'Development preview: the code examples have not been run.';
  if (summary.status === 'skipped') return 'The code examples were not run for this build; each says so.';
  const passing = summary.total - summary.failing;
  const ran = `${examples(passing)} marked “Verified” ran and printed what ${passing === 1 ? 'its page shows' : 'their pages show'} when this site was built`;
  if (summary.failing === 0) return `${ran}.`;
  const fail =
    summary.failing === 1 ? 'fails and says so where it stands' : 'fail and say so where they stand';
  if (passing === 0) return `${examples(summary.failing)} ${fail}.`;
  return `${ran}; ${summary.failing} ${fail}.`;
}

function examples(count: number): string {
  return count === 1 ? '1 code example' : `${count} code examples`;
}
