const SKIPPED = new Set(['SCRIPT', 'STYLE', 'MARK', 'BUTTON', 'TEXTAREA']);

/**
 * Marks every word of `root` that starts with one of `terms` (any case) with
 * `<mark class="kb-search-term">`, and returns the marks in document order.
 */
export function markTerms(root: Element, terms: readonly string[]): HTMLElement[] {
  if (terms.length === 0) return [];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})[\\p{L}\\p{N}_]*`, 'giu');
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && !node.parentElement.closest([...SKIPPED].join(',')) && node.nodeValue?.trim()
        ? NodeFilter.FILTER_ACCEPT
        : NodeFilter.FILTER_REJECT,
  });
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  const marks: HTMLElement[] = [];
  for (const text of texts) {
    const value = text.nodeValue ?? '';
    const matches = [...value.matchAll(pattern)];
    if (matches.length === 0) continue;
    const pieces: Node[] = [];
    let last = 0;
    for (const match of matches) {
      if (match.index > last) pieces.push(document.createTextNode(value.slice(last, match.index)));
      const mark = document.createElement('mark');
      mark.className = 'kb-search-term';
      mark.textContent = match[0];
      pieces.push(mark);
      marks.push(mark);
      last = match.index + match[0].length;
    }
    if (last < value.length) pieces.push(document.createTextNode(value.slice(last)));
    text.replaceWith(...pieces);
  }
  return marks;
}
