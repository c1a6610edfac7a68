import { distance } from 'fastest-levenshtein';

/** The candidate closest to `wanted`, if it is close enough to be a likely typo. */
export function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(wanted, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Judge closeness by the last path segment: a long folder name must not make any file name "close".
  const name = wanted.replace(/\/+$/, '').split('/').at(-1) ?? wanted;
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean \`x\`?` when a close match exists, else nothing. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const match = closest(wanted, candidates);
  return match === undefined ? '' : `; did you mean \`${match}\`?`;
}
