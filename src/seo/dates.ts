/**
 * A date as W3C Datetime / ISO 8601 for sitemaps, Open Graph and structured data: the day
 * (`2025-10-07`) for frontmatter days, which YAML reads as midnight UTC, else the full instant.
 */
export function w3cDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** The newest of some dates, or undefined when there are none. */
export function newest(dates: Iterable<Date | undefined>): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (date && (!best || date.getTime() > best.getTime())) best = date;
  return best;
}
