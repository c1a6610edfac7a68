import type { SiteModel } from '../model/site-model.ts';
import type { SocialCard } from './social-card.ts';
import { socialCardPathFor } from '../core/site-paths.ts';

/** A card and the site path it is published at. */
export interface CardPage {
  /** `/og/topic/slug.png`. */
  path: string;
  card: SocialCard;
}

/** The social cards the site publishes: the home page's (the default image), each topic's, each article's. */
export function socialCards(model: SiteModel, site: { name: string; description: string }): CardPage[] {
  // The site's card, which pages without their own share: its name, and what it is about.
  const home = { eyebrow: '', title: site.name, footer: site.description || site.name };
  const cards: CardPage[] = [{ path: socialCardPathFor('/'), card: home }];
  for (const topic of model.topics) {
    cards.push({
      path: socialCardPathFor(topic.url),
      card: { eyebrow: site.name, title: topic.title, footer: site.name },
    });
    // Every article of the model: a preview build shows drafts, and their pages point to a card too.
    for (const article of topic.articles) {
      cards.push({
        path: socialCardPathFor(article.url),
        card: { eyebrow: topic.title, title: article.title, footer: site.name },
      });
    }
  }
  return cards;
}
