import { chmod, cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CheckFlags } from '../../src/cli/check-command.ts';

/** One kind of bad input: how to make its project folder, and what the checker must say about it. */
export interface BadInput {
  name: string;
  /** Fills `project` (an empty folder): `content/`, and `site.config.ts` when the case is about settings. */
  make: (project: string) => Promise<void>;
  /** `npm run check` flags, as the command line parses them; the examples never run here. */
  flags?: CheckFlags;
  /** Arguments for the real `scripts/check.ts`, for a case about the command line itself. */
  argv?: string[];
  /** True when the case brings its own `site.config.ts`, which must be imported as Node imports it. */
  settingsFileOfItsOwn?: boolean;
  exit: 0 | 1 | 2;
  /**
   * With exit 0 or 1: every diagnostic, as `file:line:column  rule-id`, sorted. With exit 2: what
   * stderr names (the file and place of a settings mistake, or the flag).
   */
  expect: string[];
}

/** `fixtures/cases/<case>/`: a project folder, with `expected.txt` (its first line `exit N`, then the lines). */
export const CASES_DIR = path.join(import.meta.dirname, 'fixtures/cases');

/** A site that builds cleanly: the last good site, which no bad build may touch. */
export const GOOD_SITE = path.join(import.meta.dirname, 'fixtures/good-site');

/** The settings of every case that has no `site.config.ts` of its own. */
export const CORPUS_SETTINGS = `export default {
  name: 'Corpus',
  url: 'https://corpus.example.org',
  contentDir: 'content',
  // Each case holds one or two files that nothing links to; only what is wrong with them counts.
  rules: { 'orphan-page': 'off' },
};
`;

/** The committed cases, read from their folders. */
export async function committedCases(): Promise<BadInput[]> {
  const names = (await readdir(CASES_DIR)).sort();
  return Promise.all(
    names.map(async (name): Promise<BadInput> => {
      const [first = '', ...lines] = (await readFile(path.join(CASES_DIR, name, 'expected.txt'), 'utf8'))
        .trimEnd()
        .split('\n');
      const exit = Number(/^exit (\d)$/.exec(first)?.[1]);
      if (exit !== 0 && exit !== 1 && exit !== 2)
        throw new Error(`${name}/expected.txt: the first line is not \`exit N\``);
      return {
        name,
        make: async (project) => {
          await cp(path.join(CASES_DIR, name), project, { recursive: true });
          await rm(path.join(project, 'expected.txt'));
        },
        exit,
        expect: lines.filter(Boolean),
        settingsFileOfItsOwn: existsSync(path.join(CASES_DIR, name, 'site.config.ts')),
      };
    }),
  );
}

/** A complete article, so that only what a case breaks is reported. */
export function article(title: string, body = ''): string {
  return `---\ntitle: "${title}"\ndescription: "An article of the bad-input corpus, long enough to be a fine search snippet."\ndate: 2025-03-01\n---\n\n!!! info "In short"\n    The short answer.\n${body}`;
}

/** Writes `files` (relative paths under `project`) and makes their folders. */
async function write(project: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [file, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await writeFile(path.join(project, file), data);
  }
}

const fine = { 'content/t/a.md': article('Is this article fine?') };

/**
 * Cases that cannot be committed, or are about the command line: binary and huge files, symbolic
 * links, names that differ only in case (one replaces the other on macOS and Windows checkouts),
 * missing folders, bad flags.
 */
export const GENERATED_CASES: BadInput[] = [
  {
    name: 'binary-file',
    // A PNG's first bytes: 0x89 is not UTF-8.
    make: (p) =>
      write(p, { 'content/t/a.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }),
    exit: 1,
    expect: ['content/t/a.md:0:0  file-not-text'],
  },
  {
    name: 'latin-1-file',
    make: (p) => write(p, { 'content/t/a.md': Buffer.from('---\ntitle: "Caf\xe9?"\n---\n', 'latin1') }),
    exit: 1,
    expect: ['content/t/a.md:0:0  file-not-text'],
  },
  {
    name: 'nul-bytes',
    make: (p) => write(p, { 'content/t/a.md': '---\ntitle: "Nul\u0000?"\n---\n' }),
    exit: 1,
    expect: ['content/t/a.md:0:0  file-not-text'],
  },
  {
    name: 'huge-file',
    make: (p) =>
      write(p, { 'content/t/a.md': article('How big is too big?').padEnd(5 * 1024 * 1024, 'All work.\n') }),
    exit: 1,
    expect: ['content/t/a.md:0:0  file-too-large'],
  },
  {
    name: 'dangling-link',
    make: async (p) => {
      await write(p, fine);
      await symlink('missing.md', path.join(p, 'content/t/gone.md'));
    },
    exit: 1,
    expect: ['content/t/gone.md:0:0  file-unreadable'],
  },
  {
    name: 'link-to-itself',
    make: async (p) => {
      await write(p, fine);
      await symlink('self.md', path.join(p, 'content/t/self.md'));
    },
    exit: 1,
    expect: ['content/t/self.md:0:0  file-unreadable'],
  },
  {
    name: 'folder-loop',
    make: async (p) => {
      await write(p, fine);
      await symlink('..', path.join(p, 'content/t/up'));
    },
    exit: 1,
    expect: ['content/t/up:0:0  content-loop'],
  },
  {
    name: 'link-to-a-file-outside',
    make: async (p) => {
      await write(p, { ...fine, 'outside/secret.md': article('What is outside?') });
      await symlink('../../outside/secret.md', path.join(p, 'content/t/secret.md'));
    },
    exit: 1,
    expect: ['content/t/secret.md:0:0  content-outside'],
  },
  {
    name: 'link-to-a-folder-outside',
    make: async (p) => {
      await write(p, fine);
      await symlink('/etc', path.join(p, 'content/etc'));
    },
    exit: 1,
    expect: ['content/etc:0:0  content-outside'],
  },
  {
    name: 'names-differ-in-case',
    make: (p) =>
      write(p, {
        'content/t/a.md': article('Which one is lower case?'),
        'content/t/A.md': article('Which one is upper case?'),
      }),
    exit: 0,
    expect: ['content/t/a.md:0:0  case-collision'],
  },
  {
    name: 'folders-differ-in-case',
    make: (p) =>
      write(p, {
        'content/topic/a.md': article('Which folder is lower case?'),
        'content/Topic/b.md': article('Which folder is capitalised?'),
      }),
    exit: 0,
    expect: ['content/topic:0:0  case-collision'],
  },
  {
    name: 'no-markdown',
    make: (p) => write(p, { 'content/notes.txt': 'Not an article.\n' }),
    exit: 0,
    expect: ['content:0:0  content-empty'],
  },
  {
    name: 'content-folder-missing',
    make: (p) => write(p, { 'site.config.ts': CORPUS_SETTINGS.replace("'content'", "'nowhere'") }),
    exit: 2,
    expect: ['The content folder `', '/nowhere` does not exist; set `contentDir` in src/site.config.ts'],
  },
  {
    name: 'content-folder-is-a-file',
    make: (p) => write(p, { content: 'A file where the folder should be.\n' }),
    exit: 2,
    expect: ['/content` is a file, not a folder'],
  },
  {
    name: 'content-folder-closed',
    make: async (p) => {
      await write(p, fine);
      await chmod(path.join(p, 'content'), 0o000);
    },
    // Root reads any folder whatever its mode: there the case is a clean check.
    exit: process.getuid?.() === 0 ? 0 : 2,
    expect: process.getuid?.() === 0 ? [] : ['cannot be read (EACCES)'],
  },
  {
    name: 'unknown-flag',
    make: (p) => write(p, fine),
    argv: ['--colour'],
    exit: 2,
    expect: ["Unknown option '--colour'"],
  },
  {
    name: 'unknown-format',
    make: (p) => write(p, fine),
    flags: { format: 'xml' },
    exit: 2,
    expect: ['`--format xml` is not a format'],
  },
  {
    name: 'max-warnings-not-a-count',
    make: (p) => write(p, fine),
    flags: { 'max-warnings': 'many' },
    exit: 2,
    expect: ['`--max-warnings many` is not a count'],
  },
  {
    name: 'jobs-zero',
    make: (p) => write(p, fine),
    flags: { jobs: '0' },
    exit: 2,
    expect: ['`--jobs 0` is not a positive whole number'],
  },
  {
    name: 'update-without-examples',
    make: (p) => write(p, fine),
    flags: { update: 'changed', examples: false },
    exit: 2,
    expect: ['`--update` needs the examples to run'],
  },
];
