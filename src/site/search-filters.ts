import type { TopicNode } from '../model/site-model.ts';

/** A value a search can be filtered by, with the number of articles that have it. */
export interface FilterValue {
  value: string;
  count: number;
}

/** The search filters the site offers: topics (by title) and tags, each with its article count. */
export interface SearchFilters {
  topics: FilterValue[];
  tags: FilterValue[];
}

/** The filter names the pages declare (`data-pagefind-filter`) and the search page reads. */
export const FILTER_NAMES = { topic: 'topic', tag: 'tag' } as const;

/** Collects the topics and tags of the published articles, tags sorted by name. */
export function searchFilters(topics: readonly TopicNode[]): SearchFilters {
  const tagCounts = new Map<string, number>();
  for (const article of topics.flatMap((topic) => topic.articles))
    for (const tag of new Set(article.data.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  return {
    topics: topics
      .filter((topic) => topic.articles.length > 0)
      .map((topic) => ({ value: topic.title, count: topic.articles.length })),
    tags: [...tagCounts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => a.value.localeCompare(b.value)),
  };
}
