/**
 * Escapes plain text for one line of Markdown, so that it reads as the same text and nothing in it
 * (`<script>`, `[link](…)`, `*emphasis*`, `&lt;`) becomes markup, HTML or an entity when rendered.
 * Only the characters that can start markup inside a line are escaped, to keep it readable.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&]/g, (char) => `\\${char}`);
}

/** A URL as a Markdown link destination: the characters that would end or break it are percent-encoded. */
export function markdownLinkDestination(url: string): string {
  return url.replace(
    /[()<> ]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

// One segmenter per language for the whole build: building one costs more than using it.
const segmenters = new Map<string, Intl.Segmenter>();

/** The first sentence of `text`, as the language's sentence rules find it (`e.g.` does not end one). */
export function firstSentence(text: string, language: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  for (const { segment } of segmenter.segment(clean)) return segment.trim();
  return clean;
}
