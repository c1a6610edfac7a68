import { hrefOf, SEARCH_PATH } from '../core/site-paths.ts';
import { createSearchClient, type ActiveFilters, type SearchOutcome } from './search/pagefind-client.ts';
import { hitElement, navigateResults, resultSummary } from './search/result-list.ts';
import { queryFromPath } from './search/search-terms.ts';

/** Results shown at first and added by each "More results". */
const PAGE_SIZE = 10;
/** Typing pauses this long (ms) before the page searches. */
const TYPING_PAUSE = 150;

/**
 * The search page (and the 404 page's search): the query and filters live in the URL
 * (`/search/?q=…&topic=…&tag=…`), so a search can be shared, bookmarked and reached from
 * the home page's SearchAction. On the 404 page the missing path's words are the query.
 */
function setUpSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]');
  const root = form.closest<HTMLElement>('[data-search-page]') ?? form;
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLElement>('[data-search-hits]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!input || !status || !list || !more) return;
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const keepsUrl = form.hasAttribute('data-search-from-path');
  const client = createSearchClient();
  let outcome: SearchOutcome | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const params = new URLSearchParams(location.search);
  input.value =
    params.get('q') ??
    (keepsUrl
      ? queryFromPath(location.pathname.slice(import.meta.env.BASE_URL.replace(/\/+$/, '').length))
      : '');
  for (const box of checkboxes) box.checked = params.getAll(box.name).includes(box.value);
  const details = form.querySelector('details');
  if (details && checkboxes.some((box) => box.checked && details.contains(box))) details.open = true;

  const filters = (): ActiveFilters => {
    const active: ActiveFilters = {};
    for (const box of checkboxes) if (box.checked) (active[box.name] ??= []).push(box.value);
    return active;
  };

  const remember = () => {
    if (keepsUrl) return;
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const [name, values] of Object.entries(filters()))
      for (const value of values) next.append(name, value);
    const query = next.toString();
    history.replaceState(
      history.state,
      '',
      `${hrefOf(SEARCH_PATH, import.meta.env.BASE_URL)}${query ? `?${query}` : ''}`,
    );
  };

  const run = async () => {
    remember();
    const query = input.value.trim();
    const active = filters();
    const filtered = Object.keys(active).length > 0;
    if (query === '' && !filtered) {
      outcome = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type a question or a few words.';
      return;
    }
    status.textContent = 'Searching…';
    const next = await client.search(query, active, PAGE_SIZE).catch(() => null);
    if (next === null) {
      status.textContent = 'Search is not available here: the search index is made by `npm run build`.';
      return;
    }
    if (!next) return;
    outcome = next;
    list.replaceChildren(...next.hits.map((hit) => hitElement(hit, document)));
    status.textContent = resultSummary(next.total, query, filtered);
    more.hidden = next.total <= next.hits.length;
  };

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), TYPING_PAUSE);
  };

  input.addEventListener('focus', () => void client.load().catch(() => {}), { once: true });
  input.addEventListener('input', soon);
  for (const box of checkboxes) box.addEventListener('change', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  more.addEventListener('click', async () => {
    if (!outcome) return;
    const added = await outcome.more(PAGE_SIZE);
    const items = added.map((hit) => hitElement(hit, document));
    list.append(...items);
    more.hidden = list.childElementCount >= outcome.total;
    items[0]?.querySelector('a')?.focus();
  });
  navigateResults({ input, results: list });
  if (input.value.trim() || checkboxes.some((box) => box.checked)) void run();
}

for (const form of document.querySelectorAll<HTMLFormElement>('[data-search-form]')) setUpSearchPage(form);
