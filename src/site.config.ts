import type { SiteSettingsInput } from './settings/settings.ts';

/** The knowledge base's settings: the one place a site owner edits. */
export default {
  name: 'Async Answers',
  url: 'https://async-answers.example.org',
  description:
    'Short, proven answers about asynchronous programming in TypeScript on Node.js and Python asyncio.',
  author: 'Async Answers',
  language: 'en',
  contentDir: 'content',
  keywords: ['async', 'asynchronous programming', 'typescript', 'node.js', 'python', 'asyncio'],
} satisfies SiteSettingsInput;
