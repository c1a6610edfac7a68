import { hrefOf, SEARCH_PATH } from '../core/site-paths.ts';
import { createSearchClient, type SearchClient } from './search/pagefind-client.ts';
import { hitElement, navigateResults, resultSummary } from './search/result-list.ts';
import { listenForSearchShortcuts } from './search/shortcuts.ts';

/** Hits the header's drop-down shows; the search page shows them all. */
const DROPDOWN_HITS = 6;
/** Typing pauses this long (ms) before the header box searches. */
const TYPING_PAUSE = 120;

/** The header's search box: results drop down under it as the reader types; pagefind loads on first focus. */
function setUpSearchBox(form: HTMLFormElement, client: SearchClient): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const list = form.querySelector<HTMLElement>('[data-search-hits]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const all = form.querySelector<HTMLAnchorElement>('[data-search-all]');
  if (!input || !panel || !list || !status || !all) return;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => (panel.hidden = true);
  const open = () => (panel.hidden = list.childElementCount === 0 && status.textContent === '');
  const unavailable = () => {
    panel.hidden = false;
    list.replaceChildren();
    status.textContent = 'Search is not available here: the search index is made by `npm run build`.';
  };

  const run = async () => {
    const query = input.value.trim();
    if (query.length < 2) {
      list.replaceChildren();
      status.textContent = '';
      return close();
    }
    const outcome = await client.search(query, {}, DROPDOWN_HITS).catch(() => null);
    if (outcome === null) return unavailable();
    if (!outcome || input.value.trim() !== query) return;
    // Shown before the status changes, so that screen readers announce the new count.
    panel.hidden = false;
    list.replaceChildren(...outcome.hits.map((hit) => hitElement(hit, document)));
    status.textContent = resultSummary(outcome.total, query, false);
    all.href = `${hrefOf(SEARCH_PATH, import.meta.env.BASE_URL)}?q=${encodeURIComponent(query)}`;
    all.hidden = outcome.total <= outcome.hits.length;
    all.textContent = `All ${outcome.total} results`;
  };

  input.addEventListener('focus', () => void client.load().catch(() => {}), { once: true });
  input.addEventListener('focus', open);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_PAUSE);
  });
  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node) || !form.contains(event.relatedTarget)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (event.target instanceof Node && !form.contains(event.target)) close();
  });
  navigateResults({ input, results: panel, onEscape: close });
}

const client = createSearchClient();
for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-box]'))
  setUpSearchBox(form, client);
listenForSearchShortcuts(document);
