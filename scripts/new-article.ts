// `npm run new -- "Question?" --topic <topic>`: scaffolds an article; see the README's "Writing an article".
import { parseArgs } from 'node:util';
import { scaffoldArticle } from '../src/cli/new-article.ts';
import { resolveSettings, SettingsError } from '../src/settings/settings.ts';
import siteConfig from '../src/site.config.ts';

const USAGE = 'Usage: npm run new -- "How do I …?" --topic <topic>\n';

try {
  const { values, positionals } = parseArgs({
    options: { topic: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || !values.topic) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const settings = resolveSettings(siteConfig, process.cwd(), process.env);
  const result = await scaffoldArticle({
    question: positionals[0]!,
    topic: values.topic,
    contentDir: settings.contentDir,
    today: new Date().toISOString().slice(0, 10),
  });
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
  const shown = result.file.startsWith(process.cwd())
    ? result.file.slice(process.cwd().length + 1)
    : result.file;
  process.stdout.write(
    `Created ${shown}${result.createdTopic ? ` (a new topic: add ${values.topic}/index.md to describe it)` : ''}\n`,
  );
  process.stdout.write('Fill in the placeholders, then run `npm run check`.\n');
} catch (error) {
  if (
    !(error instanceof SettingsError) &&
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') !== true
  )
    throw error;
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
