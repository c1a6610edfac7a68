import { describe, expect, it } from 'vitest';
import { examplesClaim } from '../../src/site/examples-claim.ts';

describe('what the footer claims about the examples', () => {
  it('says nothing on a site without examples', () => {
    expect(examplesClaim({ status: 'verified', total: 0, failing: 0 })).toBeUndefined();
  });

  it('never claims a run that did not happen', () => {
    expect(examplesClaim({ status: 'skipped', total: 3, failing: 0 })).toBe(
      'The code examples were not run for this build; each says so.',
    );
    expect(examplesClaim({ status: 'unverified', total: 3, failing: 0 })).toMatch(/have not been run/);
  });

  it('counts what ran and passed, and what fails', () => {
    expect(examplesClaim({ status: 'verified', total: 3, failing: 0 })).toBe(
      '3 code examples marked “Verified” ran and printed what their pages show when this site was built.',
    );
    expect(examplesClaim({ status: 'verified', total: 2, failing: 1 })).toBe(
      '1 code example marked “Verified” ran and printed what its page shows when this site was built; 1 fails and says so where it stands.',
    );
    expect(examplesClaim({ status: 'verified', total: 1, failing: 1 })).toBe(
      '1 code example fails and says so where it stands.',
    );
    expect(examplesClaim({ status: 'verified', total: 5, failing: 2 })).toMatch(
      /^3 code examples .*; 2 fail and say so where they stand\.$/,
    );
  });
});
