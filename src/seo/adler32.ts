/** Adler-32's modulus: the largest prime below 2^16. */
const BASE = 65521;

/**
 * The Adler-32 checksum of two byte sequences one after the other, from the checksum of each and
 * the length of the second (zlib's `adler32_combine`): a zlib stream spliced from pieces needs the
 * checksum of all it holds without reading those bytes again.
 */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const remainder = secondLength % BASE;
  const firstLow = first & 0xffff;
  // After the first, the second's running low sum starts from the first's rather than from 1:
  // the low sum gains that much less 1, and the high sum (the running low sums added up, once
  // per byte) gains it once per byte of the second.
  const low = (firstLow + (second & 0xffff) + BASE - 1) % BASE;
  const high = ((first >>> 16) + (second >>> 16) + ((remainder * firstLow) % BASE) + BASE - remainder) % BASE;
  return ((high << 16) | low) >>> 0;
}
