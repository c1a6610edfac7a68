// One formatter for every date of the build: `toLocaleDateString` builds a new one per call.
const longDate = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** `March 4, 2026`, in UTC: the date the author wrote, wherever the build runs. */
export function formatLongDate(date: Date): string {
  return longDate.format(date);
}
