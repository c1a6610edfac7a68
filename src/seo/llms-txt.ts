import type { PageNode, SiteModel } from '../model/site-model.ts';
import { escapeMarkdownText, firstSentence, markdownLinkDestination } from './markdown-text.ts';
import { absoluteUrl, markdownPathFor } from '../core/site-paths.ts';
import { isIndexable } from './sitemap.ts';
import { cutOnWordBoundary } from './text.ts';

/** What `llms.txt` says about the site. */
export interface LlmsSite {
  siteUrl: string;
  name: string;
  description: string;
  language: string;
}

/** A one-line answer stays short enough to scan. */
const ANSWER_MAX = 200;

/**
 * The site for language models (llmstxt.org): the name, a one-paragraph summary, then one
 * section per topic listing its questions, each linked to its Markdown source with a one-line answer.
 */
export function renderLlmsTxt(model: SiteModel, site: LlmsSite): string {
  const lines = [`# ${escapeMarkdownText(site.name)}`, ''];
  const summary = site.description || model.home?.description;
  if (summary) lines.push(`> ${escapeMarkdownText(summary)}`, '');
  lines.push(
    escapeMarkdownText(
      `Each question below links to its article as Markdown; the HTML page is at the same address without ".md", with a trailing slash.`,
    ),
    '',
  );
  for (const topic of model.topics) {
    const articles = topic.articles.filter(isIndexable);
    if (articles.length === 0) continue;
    lines.push(`## ${escapeMarkdownText(topic.title)}`, '');
    if (topic.description) lines.push(escapeMarkdownText(topic.description), '');
    for (const article of articles) lines.push(questionLine(article, site));
    lines.push('');
  }
  const pages = model.pages.filter(isIndexable);
  if (pages.length > 0) {
    lines.push('## Optional', '');
    for (const page of pages) {
      const url = markdownLinkDestination(absoluteUrl(site.siteUrl, page.url));
      lines.push(`- [${escapeMarkdownText(page.title)}](${url}): ${escapeMarkdownText(page.description)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function questionLine(article: PageNode, site: LlmsSite): string {
  const url = markdownLinkDestination(absoluteUrl(site.siteUrl, markdownPathFor(article.url)));
  const answer = article.inShort ? firstSentence(article.inShort, site.language) : article.description;
  const note = cutOnWordBoundary(answer, ANSWER_MAX);
  return `- [${escapeMarkdownText(article.title)}](${url})${note ? `: ${escapeMarkdownText(note)}` : ''}`;
}
