import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slug } from 'github-slugger';

/** What a new article needs. */
export interface NewArticle {
  question: string;
  topic: string;
  contentDir: string;
  /** Today, as `YYYY-MM-DD`. */
  today: string;
}

/** The outcome of scaffolding: the file written, or why nothing was. */
export type ScaffoldResult =
  { ok: true; file: string; createdTopic: boolean } | { ok: false; message: string };

/** The slug of a question: `How do I cancel a fetch?` → `how-do-i-cancel-a-fetch`. */
export function slugForQuestion(question: string): string {
  return slug(question.trim()).replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** Writes `content/<topic>/<slug>.md` with the article skeleton; never overwrites a file. */
export async function scaffoldArticle(input: NewArticle): Promise<ScaffoldResult> {
  const question = input.question.trim();
  if (question === '')
    return { ok: false, message: 'The question is empty: npm run new -- "How do I …?" --topic <topic>' };
  const topic = input.topic.trim();
  if (!/^[a-z0-9][a-z0-9-]*$/.test(topic)) {
    return {
      ok: false,
      message: `\`--topic ${topic}\` is not a topic folder name; use lowercase letters, digits and hyphens, e.g. \`typescript-async\``,
    };
  }
  const name = slugForQuestion(question);
  if (name === '')
    return {
      ok: false,
      message: `No file name can be made from \`${question}\`; use words in the question.`,
    };
  const topicDir = path.join(input.contentDir, topic);
  const file = path.join(topicDir, `${name}.md`);
  const createdTopic = await mkdir(topicDir, { recursive: true }).then((made) => made !== undefined);
  try {
    await writeFile(file, template(question, input.today), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { ok: false, message: `${file} already exists; nothing was written.` };
    throw error;
  }
  return { ok: true, file, createdTopic };
}

function template(question: string, today: string): string {
  return `---
title: ${JSON.stringify(question)}
description: "Replace with one sentence of 50 to 160 characters that answers the question for search results."
date: ${today}
keywords: []
---

# ${question}

!!! info "In short"
    Replace with the direct answer, in two to five sentences.

Replace with a short lead-in to the first example.

\`\`\`ts title="Example 1"
console.log('Replace with a runnable example');
\`\`\`

**Output:**

\`\`\`text
Replace with a runnable example
\`\`\`

## How it works

Replace with the explanation.

## Gotchas

* **Replace with a pitfall** — and how to avoid it.

## See also

* [Replace with the title of a related article](related-article.md)
`;
}
