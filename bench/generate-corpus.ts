import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A deterministic pseudo-random source (mulberry32), so a seed always gives the same corpus. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'promises',
  'event-loop',
  'streams',
  'timers',
  'workers',
  'asyncio-tasks',
  'asyncio-queues',
  'cancellation',
  'concurrency',
  'error-handling',
];
const VERBS = [
  'cancel',
  'retry',
  'batch',
  'throttle',
  'debounce',
  'schedule',
  'await',
  'combine',
  'race',
  'pipe',
  'buffer',
  'drain',
  'merge',
  'split',
  'time',
  'trace',
];
const NOUNS = [
  'promise',
  'task',
  'stream',
  'queue',
  'timer',
  'worker',
  'coroutine',
  'future',
  'signal',
  'callback',
  'iterator',
  'generator',
  'socket',
  'request',
  'lock',
  'semaphore',
  'event',
  'channel',
];
const QUALIFIERS = [
  'safely',
  'in parallel',
  'with a deadline',
  'without blocking',
  'in order',
  'at most once',
  'lazily',
  'in batches',
  'with backpressure',
  'on shutdown',
];
const FILLER = [
  'the scheduler',
  'each callback',
  'a pending operation',
  'the microtask queue',
  'every awaiting caller',
  'the surrounding function',
  'an unhandled rejection',
  'the running loop',
  'a cancelled task',
  'the final result',
  'a slow consumer',
  'the first settled value',
  'a shared resource',
  'the cleanup handler',
  'a nested await',
];

/** One generated article, described well enough to write it and to link to it. */
interface Plan {
  topic: string;
  slug: string;
  title: string;
  index: number;
}

/** What was generated: where, and how many of each thing. */
export interface Corpus {
  dir: string;
  articles: number;
  topics: string[];
  examples: number;
  /** Content-relative path of one article, for "one article changed" measurements. */
  sampleArticle: string;
}

/**
 * Writes a synthetic knowledge base in the MkDocs Q&A format: `count` articles over ten topics,
 * each with frontmatter, an In-short answer, one runnable example (TypeScript or Python,
 * alternating) with its output, Gotchas, See also links to three other articles and an
 * embedded FAQPage JSON-LD. Deterministic from `seed`.
 */
export async function generateCorpus(dir: string, count: number, seed: number): Promise<Corpus> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const plans: Plan[] = Array.from({ length: count }, (_, index) => {
    const topic = TOPICS[index % TOPICS.length]!;
    const title = `How do I ${pick(VERBS)} a ${pick(NOUNS)} ${pick(QUALIFIERS)} (case ${index + 1})?`;
    return {
      topic,
      slug: `how-do-i-${index + 1}-${slugify(title)}`.slice(0, 80).replace(/-$/, ''),
      title,
      index,
    };
  });
  for (const topic of TOPICS) {
    await mkdir(path.join(dir, topic), { recursive: true });
    await writeFile(path.join(dir, topic, 'index.md'), topicPage(topic));
  }
  await writeFile(
    path.join(dir, 'index.md'),
    '---\ntitle: Benchmark answers\ndescription: A generated knowledge base for measuring build and check speed.\n---\n\nGenerated.\n',
  );
  for (const plan of plans) {
    const links = [1, 7, 31]
      .map((step) => plans[(plan.index + step) % count]!)
      .filter((other) => other !== plan);
    await writeFile(path.join(dir, plan.topic, `${plan.slug}.md`), article(plan, links, random, pick));
  }
  const first = plans[0]!;
  return {
    dir,
    articles: count,
    topics: [...TOPICS],
    examples: count,
    sampleArticle: `${first.topic}/${first.slug}.md`,
  };
}

function article(
  plan: Plan,
  links: Plan[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): string {
  const a = 2 + Math.floor(random() * 90);
  const b = 2 + Math.floor(random() * 90);
  const answer = `Use ${pick(FILLER)} to coordinate ${pick(FILLER)}; then ${pick(FILLER)} settles before ${pick(FILLER)}. This keeps ${pick(FILLER)} predictable.`;
  const paragraphs = Array.from({ length: 3 }, () =>
    Array.from(
      { length: 4 },
      () => `When ${pick(FILLER)} meets ${pick(FILLER)}, ${pick(FILLER)} waits for ${pick(FILLER)}.`,
    ).join(' '),
  );
  const example =
    plan.index % 2 === 0
      ? `\`\`\`ts title="Example 1"\nconst values: number[] = [${a}, ${b}];\nconst total = await Promise.resolve(values.reduce((x, y) => x + y, 0));\nconsole.log(\`total: \${total}\`);\n\`\`\`\n\n**Output:**\n\n\`\`\`text\ntotal: ${a + b}\n\`\`\``
      : `\`\`\`python title="Example 1"\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print("product:", ${a} * ${b})\n\nasyncio.run(main())\n\`\`\`\n\n**Output:**\n\n\`\`\`text\nproduct: ${a * b}\n\`\`\``;
  const seeAlso = links
    .map(
      (link) => `* [${link.title}](${link.topic === plan.topic ? '' : `../${link.topic}/`}${link.slug}.md)`,
    )
    .join('\n');
  const jsonLd = JSON.stringify(
    {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: [
        { '@type': 'Question', name: plan.title, acceptedAnswer: { '@type': 'Answer', text: answer } },
      ],
    },
    null,
    2,
  );
  return `---
title: ${JSON.stringify(plan.title)}
description: ${JSON.stringify(`A generated answer about ${plan.topic.replace(/-/g, ' ')} number ${plan.index + 1}, for measuring speed.`)}
date: 2025-${String((plan.index % 12) + 1).padStart(2, '0')}-${String((plan.index % 28) + 1).padStart(2, '0')}
meta:
  - name: keywords
    content: ${plan.topic}, async, benchmark
---

# ${plan.title}

<!-- more -->

!!! info "In short"
    ${answer}

${paragraphs[0]}

${example}

## Why it works

${paragraphs[1]}

## Gotchas

* **${pick(NOUNS)} leaks** — ${paragraphs[2]}

## See also

${seeAlso}

<script type="application/ld+json">
${jsonLd}
</script>
`;
}

function topicPage(topic: string): string {
  return `---\ntitle: ${JSON.stringify(topic.replace(/-/g, ' '))}\ndescription: Generated questions about ${topic.replace(/-/g, ' ')}, for measuring build and check speed.\n---\n\nQuestions about ${topic}.\n`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
