/** A run of excerpt text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/**
 * Splits a pagefind excerpt (escaped text with `<mark>` around matches) into runs of plain
 * text, so the page can build it from text nodes rather than inject HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const match of excerpt.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: decode(excerpt.slice(last, match.index)), marked: false });
    parts.push({ text: decode(match[1] ?? ''), marked: true });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) parts.push({ text: decode(excerpt.slice(last)), marked: false });
  return parts.filter((part) => part.text !== '');
}

function decode(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Tidies an excerpt for showing under its title: drops the title (or its end) when the
 * excerpt starts with it (the question is indexed as the page's first words), and unmarks matches that
 * `isWorthMarking` rejects, such as common words (`how`, `to`), which pagefind marks too.
 */
export function tidyExcerpt(
  parts: readonly ExcerptPart[],
  title: string,
  isWorthMarking: (text: string) => boolean,
): ExcerptPart[] {
  let skip = leadingTitleLength(parts.map((part) => part.text).join(''), title);
  const tidied: ExcerptPart[] = [];
  for (const part of parts) {
    const dropped = Math.min(skip, part.text.length);
    skip -= dropped;
    const text = tidied.length === 0 ? part.text.slice(dropped).trimStart() : part.text.slice(dropped);
    if (text !== '') tidied.push({ text, marked: part.marked && isWorthMarking(text) });
  }
  return tidied;
}

/**
 * How many characters at the start of `text` repeat the end of `title` (two words or more:
 * pagefind's excerpt may start inside the title), spacing and case aside; 0 if none.
 */
function leadingTitleLength(text: string, title: string): number {
  const words = title
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  for (let start = 0; start <= words.length - 2; start++) {
    const match = new RegExp(`^\\s*${words.slice(start).join('\\s+')}`, 'i').exec(text);
    if (match) return match[0].length;
  }
  return 0;
}
