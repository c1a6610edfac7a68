import type { SearchHit } from './pagefind-client.ts';

/** Builds one result: its topic, the question as a link, and the excerpt with the matches marked. */
export function hitElement(hit: SearchHit, document: Document): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'kb-search-hit';
  if (hit.topic) {
    const topic = document.createElement('span');
    topic.className = 'kb-search-hit-topic';
    topic.textContent = hit.topic;
    item.append(topic);
  }
  const link = document.createElement('a');
  link.className = 'kb-search-hit-link';
  link.href = hit.url;
  link.textContent = hit.title;
  item.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'kb-search-hit-excerpt';
  excerpt.append(
    ...hit.excerpt.map((part) => {
      if (!part.marked) return document.createTextNode(part.text);
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      return mark;
    }),
  );
  item.append(excerpt);
  return item;
}

/** The sentence that says what a search found (`3 results for “sleep”`). */
export function resultSummary(total: number, query: string, filtered: boolean): string {
  const scope = filtered ? ' in the chosen filters' : '';
  const about = query.trim() === '' ? '' : ` for “${query.trim()}”`;
  if (total === 0) return `No results${about}${scope}. Try fewer or other words.`;
  return `${total} ${total === 1 ? 'result' : 'results'}${about}${scope}.`;
}

/**
 * Arrow keys move from the search field into the result links and between them, and back up
 * to the field; Escape returns to the field (and calls `onEscape`); typing a letter while on a
 * result goes on typing in the field. Enter on a result opens it, as on any link.
 */
export function navigateResults(options: {
  input: HTMLInputElement;
  results: HTMLElement;
  onEscape?: () => void;
}): void {
  const { input, results, onEscape } = options;
  const links = () =>
    [...results.querySelectorAll<HTMLAnchorElement>('a[href]')].filter(
      (link) => link.getClientRects().length > 0,
    );
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = links()[0];
      if (!first) return;
      event.preventDefault();
      first.focus();
    } else if (event.key === 'Escape') {
      onEscape?.();
    }
  });
  results.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(event.target as HTMLAnchorElement);
    if (index === -1) return;
    const move = (target: HTMLElement | undefined) => {
      event.preventDefault();
      (target ?? input).focus();
    };
    if (event.key === 'ArrowDown') move(all[Math.min(index + 1, all.length - 1)]);
    else if (event.key === 'ArrowUp') move(index === 0 ? input : all[index - 1]);
    else if (event.key === 'Home') move(all[0]);
    else if (event.key === 'End') move(all.at(-1));
    else if (event.key === 'Escape') {
      move(input);
      onEscape?.();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) input.focus();
  });
}
