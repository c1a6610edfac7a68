/** An item of the site's navigation, as `mkdocs.yml`'s `nav` gives it. */
export interface NavTreeItem {
  title?: string | undefined;
  file?: string | undefined;
  url?: string | undefined;
  children?: NavTreeItem[] | undefined;
}

/** Where the navigation puts a page, and the title it gives it. */
export interface NavPlace {
  /** Its position in the navigation, from the top. */
  order: number;
  /** The title the navigation gives it (MkDocs shows it in place of the page's own). */
  title: string | undefined;
}

/** The navigation's order and titles: by content file, and by topic (the section that holds a topic's pages). */
export interface NavPlaces {
  pages: Map<string, NavPlace>;
  topics: Map<string, NavPlace>;
}

/**
 * Reads the navigation in order: each page's position and title, and for each topic folder the
 * first section that holds its pages (its title names the topic, as MkDocs' section does). Pages
 * the navigation leaves out are still published; they come after, in their own order.
 */
export function navPlaces(nav: readonly NavTreeItem[] | undefined): NavPlaces {
  const places: NavPlaces = { pages: new Map(), topics: new Map() };
  let order = 0;
  const walk = (items: readonly NavTreeItem[], section: string | undefined) => {
    for (const item of items) {
      if (item.children) {
        walk(item.children, item.title);
        continue;
      }
      if (!item.file) continue;
      const file = item.file.replace(/^\.?\//, '');
      const place = { order: order++, title: item.title };
      if (!places.pages.has(file)) places.pages.set(file, place);
      const topic = file.includes('/') ? file.split('/')[0]! : undefined;
      if (topic && !places.topics.has(topic))
        places.topics.set(topic, { order: place.order, title: section });
    }
  };
  walk(nav ?? [], undefined);
  return places;
}
