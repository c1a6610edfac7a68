/**
 * Who writes the content: `authors`, trusted as MkDocs trusts them (their raw HTML is published
 * as written), or `contributors`, whose raw HTML, attribute lists and links may not run script,
 * embed, restyle or point anywhere but ordinary addresses (`html-unsafe`).
 */
export type Trust = 'authors' | 'contributors';

/** The values of {@link Trust}, the default first. */
export const TRUST_LEVELS = ['authors', 'contributors'] as const satisfies readonly Trust[];
