import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inheritedEnv, ROOT } from '../helpers/build-site.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/mkdocs-site');
const ARTICLE = 'recipes/how-do-i-say-goodbye.md';
const PAGE = '/recipes/how-do-i-say-goodbye/';
/** A port no other server (another worktree's test run, say) is listening on. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let PORT = 0;
/** The end of the server's output, for a failure to show. */
let serverLog = '';

/** Fetches a page of the dev server until `accept` says yes, or the time is up. */
async function waitFor(pathname: string, accept: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await fetch(`http://localhost:${PORT}${pathname}`).then(
      (response) => response.text(),
      () => '',
    );
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the dev server never served what was expected at ${pathname}:\n${last.slice(0, 500)}\n\nIts log ends:\n${serverLog}`,
  );
}

// `astro dev` on a copy of a fixture: an edit shows on the next request, and so does undoing it.
describe('the dev server', () => {
  let work: string;
  let server: ChildProcess;
  const file = () => path.join(work, 'content', ARTICLE);

  beforeAll(async () => {
    // Its own port, and beside any dev server a person runs on this project (`--ignore-lock`).
    PORT = await freePort();
    work = await mkdtemp(path.join(tmpdir(), 'kb-dev-'));
    await cp(FIXTURE, path.join(work, 'content'), { recursive: true });
    server = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(PORT), '--ignore-lock'],
      {
        cwd: ROOT,
        env: {
          ...inheritedEnv(),
          KB_CONTENT_DIR: path.join(work, 'content'),
          KB_CACHE_DIR: path.join(work, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    for (const stream of [server.stdout, server.stderr])
      stream?.on('data', (chunk: Buffer) => (serverLog = (serverLog + chunk.toString()).slice(-4000)));
    await waitFor(PAGE, (html) => html.includes('<code>Goodbye</code>'));
  }, 90_000);

  afterAll(async () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    await rm(work, { recursive: true, force: true });
  });

  it('shows an edit on the next request, and its undoing too', async () => {
    const original = await readFile(file(), 'utf8');
    await writeFile(file(), original.replace('Print `Goodbye`.', 'Print `Farewell`.'));
    const edited = await waitFor(PAGE, (html) => html.includes('<code>Farewell</code>'));
    expect(edited).not.toContain('<code>Goodbye</code>');
    await writeFile(file(), original);
    await waitFor(PAGE, (html) => html.includes('<code>Goodbye</code>'));
  }, 120_000);

  it('serves the static files the build publishes, and not those it leaves out', async () => {
    await writeFile(path.join(work, 'content', 'images', 'note.txt'), 'published\n');
    await writeFile(path.join(work, 'content', 'images', '.hidden.txt'), 'left out\n');
    const status = (file: string) =>
      fetch(`http://localhost:${PORT}/images/${file}`).then((response) => response.status);
    // The new file reaches the scan once the server has proved the content again.
    await waitFor('/images/note.txt', (text) => text === 'published\n');
    expect(await status('.hidden.txt')).toBe(404);
    expect(await status('missing.txt')).toBe(404);
  }, 120_000);

  it('says that examples are not verified by the dev server', async () => {
    const html = await waitFor(PAGE, (text) => text.includes('class="kb-verification'));
    expect(html).toContain('Not verified yet (development server)');
    expect(html).not.toContain('Verified on');
  });
});
