import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/checks/diagnostics.ts';
import { check, FIXTURES, makeTempDir, show } from './helpers.ts';

const execFileAsync = promisify(execFile);

/** Bad files that can be committed: empty, frontmatter only or unclosed, tabs, BOM, CRLF, odd names. */
const BAD_INPUT = path.join(FIXTURES, 'bad-input');

describe('bad input that can be committed (fixtures/bad-input)', () => {
  it('keeps its bytes: a BOM, CRLF line endings, a tab, an empty file, odd file names', async () => {
    const bytes = (file: string) => readFile(path.join(BAD_INPUT, 't', file));
    expect([...(await bytes('bom.md')).subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x2d]);
    expect((await bytes('crlf.md')).toString()).toMatch(/^---\r\ntitle: .*\r\n/);
    expect((await bytes('crlf.md')).toString()).not.toMatch(/[^\r]\n/);
    expect((await bytes('tabs.md')).toString()).toContain('\n\t- yaml\n');
    expect((await bytes('empty.md')).length).toBe(0);
    expect(await readdir(path.join(BAD_INPUT, 't'))).toEqual(
      expect.arrayContaining(['my file.md', 'café.md']),
    );
  });

  it('reports each problem once, at the right place, naming the file, and never throws', async () => {
    // bom.md and crlf.md each hold one broken link: its position must be that of the text as written.
    expect(show((await check(BAD_INPUT)).diagnostics)).toMatchInlineSnapshot(`
      "t/alias-a.md:6:5  error  the alias \`/t/alias-b/\` is the URL of \`t/alias-b.md\`; a redirect there would hide that page  alias-collision
      t/alias-b.md:6:5  error  the alias \`/t/alias-a/\` is the URL of \`t/alias-a.md\`; a redirect there would hide that page  alias-collision
      t/bom.md:10:3  error  the link \`nowhere.md\` points to \`t/nowhere.md\`, which does not exist  link-missing-file
      t/crlf.md:12:3  error  the link \`nowhere.md\` points to \`t/nowhere.md\`, which does not exist  link-missing-file
      t/empty.md:0:0  error  the file is empty; add frontmatter with a \`title\`, or delete it  file-empty
      t/index.md:17:3  error  the link \`../t/\` names a folder; link to a Markdown file, such as \`index.md\`  link-to-folder
      t/index.md:18:3  error  the link \`no%20such%20file.md\` points to \`t/no such file.md\`, which does not exist  link-missing-file
      t/only-frontmatter.md:1:1  warning  \`description\` is missing; add a one-sentence summary of 50–160 characters for search results  description-length
      t/only-frontmatter.md:4:1  warning  the article has no short answer, so it is published as a plain page, not as a question; add \`!!! info "In short"\` with the answer indented four spaces  in-short-missing
      t/tabs.md:5:1  error  the frontmatter is not valid YAML: Tabs are not allowed as indentation; indent with spaces  frontmatter-yaml
      t/unclosed.md:1:1  error  the frontmatter opened with \`---\` never closes; add a line with \`---\` after the last field  frontmatter-unclosed"
    `);
  });

  it('resolves links with URL-encoded, angle-bracketed and non-ASCII file names and anchors', async () => {
    const { diagnostics } = await check(BAD_INPUT);
    const fromIndex = diagnostics.filter((d) => d.file === 't/index.md');
    // Only the two links meant to fail: a folder, and an encoded name that really is missing.
    expect(fromIndex.map((d) => d.ruleId)).toEqual(['link-to-folder', 'link-missing-file']);
  });
});

describe('bad input made at test time', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let content: string;

  beforeAll(async () => {
    temp = await makeTempDir('bad-input');
    content = path.join(temp.dir, 'content');
    const t = path.join(content, 't');
    await mkdir(path.join(t, 'sub'), { recursive: true });
    await writeFile(
      path.join(t, 'index.md'),
      '---\ntitle: Topic\n---\n\n- [OK](ok.md)\n- [Binary](binary.md)\n- [Huge](huge.md#anything)\n',
    );
    await writeFile(
      path.join(t, 'ok.md'),
      '---\ntitle: "Is this file fine?"\ndescription: "A valid article among broken files, to show that they do not stop the check."\ndate: 2025-01-02\n---\n\n!!! info "In short"\n    Yes.\n',
    );
    // A PNG's first bytes: 0x89 is not valid UTF-8.
    await writeFile(path.join(t, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await writeFile(path.join(t, 'latin1.md'), Buffer.from('---\ntitle: "Caf\xe9?"\n---\n', 'latin1'));
    await writeFile(path.join(t, 'nul.md'), '---\ntitle: "Nul\u0000?"\n---\n');
    const article = '---\ntitle: "How big is too big?"\n---\n\n';
    await writeFile(path.join(t, 'huge.md'), article.padEnd(5 * 1024 * 1024, 'All work and no play.\n'));
    await symlink('missing.md', path.join(t, 'dangling.md'));
    await symlink('self.md', path.join(t, 'self.md'));
    await symlink('..', path.join(t, 'up'));
    await symlink('.', path.join(t, 'sub', 'again'));
    await writeFile(path.join(t, 'sub', 'notes.txt'), 'an asset\n');
    await symlink('content', path.join(temp.dir, 'content-link'));
  });

  afterAll(async () => {
    await temp?.remove();
  });

  it('reports binary, non-UTF-8, huge, dangling and looping files, naming each, and checks the rest', async () => {
    const result = await check(content);
    expect(show(result.diagnostics)).toMatchInlineSnapshot(`
      "t/binary.md:0:0  error  the file is not UTF-8 text (it has invalid byte sequences); is it a binary file with a \`.md\` name? If it is text, save it as UTF-8  file-not-text
      t/dangling.md:0:0  error  this symbolic link points to \`missing.md\`, which does not exist; fix or remove the link  file-unreadable
      t/huge.md:0:0  error  the file is 5.0 MB, over the 2 MB limit; split it into several articles  file-too-large
      t/latin1.md:0:0  error  the file is not UTF-8 text (it has invalid byte sequences); is it a binary file with a \`.md\` name? If it is text, save it as UTF-8  file-not-text
      t/nul.md:0:0  error  the file is not UTF-8 text (it contains NUL bytes); is it a binary file with a \`.md\` name? If it is text, save it as UTF-8  file-not-text
      t/self.md:0:0  error  this symbolic link points to \`self.md\`, which cannot be opened (ELOOP); fix or remove the link  file-unreadable
      t/sub/again:0:0  error  this symbolic link leads back to \`t/sub\`, a folder that contains it; remove the link  content-loop
      t/up:0:0  error  this symbolic link leads back to the content folder, a folder that contains it; remove the link  content-loop"
    `);
    // Only the readable Markdown files were loaded and checked; loops were not followed.
    expect(result.documents.filter((doc) => doc.text !== undefined).map((doc) => doc.file)).toEqual([
      't/index.md',
      't/ok.md',
    ]);
  });

  it('rejects a 5 MB file by its size, quickly', async () => {
    const started = performance.now();
    const { diagnostics } = await check(content, { only: ['t/huge.md'] });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['file-too-large']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('says the same through a content folder that is itself a symbolic link', async () => {
    const direct = (await check(content)).diagnostics;
    const viaLink = path.join(temp.dir, 'content-link');
    expect((await check(viaLink)).diagnostics).toEqual(direct);
  });

  it.skipIf(!existsSync('/proc/self/mem'))(
    'never reads a file outside the content folder, such as /proc/self/mem, which answers EIO at offset 0',
    async () => {
      const folder = path.join(temp.dir, 'proc');
      await mkdir(folder);
      await symlink('/proc/self/mem', path.join(folder, 'memory.md'));
      const result = await check(folder);
      expect(show(result.diagnostics)).toMatchInlineSnapshot(`
        ".:0:0  warning  the content folder holds no Markdown file; the site has nothing to publish. Is \`.\` the folder you meant?  content-empty
        memory.md:0:0  error  this symbolic link leads outside the content folder (to \`/proc/self/mem\`), whose files would be published with the site; copy what you need into the content folder, or remove the link  content-outside"
      `);
      expect(result.documents).toEqual([]);
    },
  );

  it('reports a file and a folder without read permission', async () => {
    // Root reads anything whatever its mode, so as root the check runs in a child process as `nobody`.
    const folder = path.join(temp.dir, 'locked');
    await mkdir(path.join(folder, 'closed'), { recursive: true });
    await writeFile(path.join(folder, 'secret.md'), '---\ntitle: Secret\n---\n');
    await chmod(temp.dir, 0o755);
    await chmod(path.join(folder, 'secret.md'), 0o000);
    await chmod(path.join(folder, 'closed'), 0o000);
    try {
      expect(show(await checkWithoutPrivileges(folder))).toMatchInlineSnapshot(`
        "closed:0:0  error  this folder cannot be read (EACCES); check its permissions  file-unreadable
        secret.md:0:0  error  the file cannot be read (EACCES); check its permissions  file-unreadable"
      `);
    } finally {
      await chmod(path.join(folder, 'closed'), 0o755);
    }
  });

  it.skipIf(!hasMkfifo())(
    'passes over a FIFO named like Markdown instead of waiting on it forever',
    async () => {
      const folder = path.join(temp.dir, 'fifo');
      await mkdir(folder);
      execFileSync('mkfifo', [path.join(folder, 'pipe.md')]);
      const result = await check(folder);
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['content-empty']);
      expect(result.fileCount).toBe(0);
    },
  );
});

const NOBODY = 65534;

/** Checks `folder` in this process, or, when it runs as root, in a child process as the `nobody` user. */
async function checkWithoutPrivileges(folder: string): Promise<Diagnostic[]> {
  if (process.getuid?.() !== 0) return (await check(folder)).diagnostics;
  const checker = new URL('../../src/checks/check-content.ts', import.meta.url).href;
  const script = `const { checkContent } = await import(${JSON.stringify(checker)});
const folder = ${JSON.stringify(folder)};
const { diagnostics } = await checkContent({ contentDir: folder, cwd: folder });
process.stdout.write(JSON.stringify(diagnostics));`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
    uid: NOBODY,
    gid: NOBODY,
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Diagnostic[];
}

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
