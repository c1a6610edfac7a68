import type { Diagnostic } from './diagnostics.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { RULES, type RuleId } from './rule-ids.ts';
import { openJsonStore } from '../core/cache-store.ts';

/** How external links are checked (`--external`). */
export interface ExternalOptions {
  /** The cache folder (see `cacheRoot`); none keeps nothing between runs. */
  cacheDir: string | undefined;
  /** Results younger than this are reused. */
  maxAgeMs: number;
  /** Per request. */
  timeoutMs: number;
  retries: number;
  /** Requests in flight at once, overall and per host. */
  concurrency: number;
  perHost: number;
  /** Pause between two requests to the same host. */
  hostIntervalMs: number;
  fetch?: typeof fetch;
  now?: () => number;
}

/** Defaults: polite to hosts, patient with slow ones, and a day of caching. */
export const EXTERNAL_DEFAULTS: Omit<ExternalOptions, 'cacheDir'> = {
  maxAgeMs: 24 * 60 * 60 * 1000,
  timeoutMs: 10_000,
  retries: 2,
  concurrency: 8,
  perHost: 2,
  hostIntervalMs: 250,
};

/** The verdict on one URL: reachable, broken (the server said so), or not checked (no answer). */
type Verdict = { state: 'ok' } | { state: 'broken'; detail: string } | { state: 'unchecked'; detail: string };

interface CacheEntry {
  verdict: Verdict;
  checkedAt: number;
}

/**
 * Fetches every distinct `http(s)` link once, concurrently with per-host limits, retrying
 * failures; answers older than `maxAgeMs` are refreshed. A link without an answer (offline
 * machine, DNS failure, time-out, 429) is reported as not checked, never as broken.
 */
export async function checkExternalLinks(
  documents: readonly ContentDocument[],
  options: ExternalOptions,
): Promise<Diagnostic[]> {
  const now = options.now ?? Date.now;
  const store = options.cacheDir
    ? await openJsonStore<CacheEntry>({ dir: options.cacheDir, name: 'external-links', version: 1 })
    : undefined;
  const cache = new Map<string, CacheEntry>();
  const cached = (url: string) => {
    if (!cache.has(url)) {
      const entry = store?.get(url);
      if (entry) cache.set(url, entry);
    }
    return cache.get(url);
  };
  const uses = new Map<string, { doc: ContentDocument; line: number; column: number }[]>();
  for (const doc of documents) {
    for (const link of doc.facts?.links ?? []) {
      if (!/^https?:\/\//i.test(link.url)) continue;
      const url = link.url.split('#')[0]!;
      uses.set(url, [...(uses.get(url) ?? []), { doc, line: link.line, column: link.column }]);
    }
  }
  const pending = [...uses.keys()].filter((url) => {
    const entry = cached(url);
    return !entry || entry.verdict.state === 'unchecked' || now() - entry.checkedAt > options.maxAgeMs;
  });
  const limiter = createHostLimiter(options);
  const queue = [...pending];
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        const verdict = await limiter(url, () => checkUrl(url, options));
        const entry = { verdict, checkedAt: now() };
        cache.set(url, entry);
        store?.set(url, entry);
      }
    }),
  );
  await store?.save();

  const diagnostics: Diagnostic[] = [];
  for (const [url, places] of uses) {
    const verdict = cache.get(url)?.verdict;
    if (!verdict || verdict.state === 'ok') continue;
    const ruleId: RuleId = verdict.state === 'broken' ? 'link-external-broken' : 'link-external-unchecked';
    const message =
      verdict.state === 'broken'
        ? `the external link \`${url}\` is broken: ${verdict.detail}`
        : `the external link \`${url}\` was not checked: ${verdict.detail}`;
    for (const place of places) {
      diagnostics.push({
        file: place.doc.displayPath,
        line: place.line,
        column: place.column,
        severity: RULES[ruleId].severity,
        ruleId,
        message,
      });
    }
  }
  return diagnostics;
}

async function checkUrl(url: string, options: ExternalOptions): Promise<Verdict> {
  const fetcher = options.fetch ?? fetch;
  let last: Verdict = { state: 'unchecked', detail: 'no answer' };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await delay(200 * 2 ** attempt);
    try {
      let response = await fetcher(url, {
        method: 'HEAD',
        redirect: 'follow',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // Some servers refuse HEAD; ask again the usual way before calling the link broken.
      if (response.status === 405 || response.status === 501) {
        response = await fetcher(url, {
          method: 'GET',
          redirect: 'follow',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        await response.body?.cancel();
      }
      if (response.ok) return { state: 'ok' };
      if (response.status === 429)
        last = { state: 'unchecked', detail: 'the server asked to slow down (429)' };
      else if (response.status >= 500)
        last = { state: 'broken', detail: `the server answered ${response.status}` };
      else return { state: 'broken', detail: `the server answered ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      last = {
        state: 'unchecked',
        detail:
          cause === 'TimeoutError'
            ? `no answer within ${options.timeoutMs / 1000} s`
            : `no connection (${cause}); is this machine offline?`,
      };
    }
  }
  return last;
}

/** At most `perHost` requests per host at once, `hostIntervalMs` apart. */
function createHostLimiter(options: ExternalOptions) {
  const hosts = new Map<string, { active: number; next: number; waiting: (() => void)[] }>();
  return async <T>(url: string, work: () => Promise<T>): Promise<T> => {
    const host = new URL(url).host;
    const state = hosts.get(host) ?? { active: 0, next: 0, waiting: [] };
    hosts.set(host, state);
    while (state.active >= options.perHost) await new Promise<void>((resolve) => state.waiting.push(resolve));
    state.active++;
    const wait = state.next - Date.now();
    state.next = Math.max(Date.now(), state.next) + options.hostIntervalMs;
    if (wait > 0) await delay(wait);
    try {
      return await work();
    } finally {
      state.active--;
      state.waiting.shift()?.();
    }
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
