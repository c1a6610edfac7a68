import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from './pipeline/frontmatter.ts';
import { resolveSettings } from './pipeline/settings.ts';
import { idForContentFile } from './pipeline/routes.ts';
import siteConfig from './site.config.ts';

const settings = resolveSettings(siteConfig, process.cwd(), process.env);

/** Every Markdown file of the content directory, keyed by its path without `.md`. */
export const collections = {
  kb: defineCollection({
    loader: glob({
      pattern: '**/*.md',
      base: settings.contentDir,
      generateId: ({ entry }) => idForContentFile(entry),
      // Pages render the stored HTML; the raw Markdown would only double the data store.
      retainBody: false,
    }),
    schema: frontmatterSchema,
  }),
};
