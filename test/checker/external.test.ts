import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/check-content.ts';
import { checkExternalLinks, EXTERNAL_DEFAULTS } from '../../src/checks/check-external.ts';

let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const status: Record<string, number> = {
      '/ok': 200,
      '/moved': 301,
      '/no-head': request.method === 'HEAD' ? 405 : 200,
      '/flaky': (hits.get(url) ?? 0) < 2 ? 503 : 200,
    };
    response.writeHead(status[url] ?? 404, url === '/moved' ? { location: '/ok' } : {}).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function site(links: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-external-'));
  await mkdir(path.join(dir, 't'));
  const body = links.map((link) => `* [x](${link})`).join('\n');
  await writeFile(path.join(dir, 't', 'a.md'), `---\ntitle: A\n---\n\n${body}\n`);
  return { dir, documents: (await checkContent({ contentDir: dir, cwd: dir })).documents };
}

const options = {
  ...EXTERNAL_DEFAULTS,
  cacheDir: undefined,
  retries: 2,
  hostIntervalMs: 0,
  timeoutMs: 2000,
};

it('reports a link the server says is gone as broken, and follows redirects, HEAD refusals and retries', async () => {
  const { documents } = await site([
    `${base}/ok`,
    `${base}/moved`,
    `${base}/no-head`,
    `${base}/flaky`,
    `${base}/missing`,
    `${base}/ok#part`,
  ]);
  const diagnostics = await checkExternalLinks(documents, options);
  expect(
    diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`),
  ).toEqual([
    `t/a.md:9:3 error link-external-broken the external link \`${base}/missing\` is broken: the server answered 404`,
  ]);
  expect(hits.get('/flaky')).toBe(2); // a 503, then the retry succeeds
  expect(hits.get('/ok')).toBe(2); // `/ok` and `/ok#part` are one URL; the redirect lands there once more.
});

it('reports a link nobody answers as not checked, never as broken', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as { port: number }).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const { documents } = await site([`http://127.0.0.1:${port}/anything`]);
  const diagnostics = await checkExternalLinks(documents, { ...options, retries: 0 });
  expect(diagnostics).toHaveLength(1);
  expect(diagnostics[0]).toMatchObject({ severity: 'warning', ruleId: 'link-external-unchecked' });
  expect(diagnostics[0]!.message).toBe(
    `the external link \`http://127.0.0.1:${port}/anything\` was not checked: no connection (ECONNREFUSED); is this machine offline?`,
  );
});

it('reuses cached answers younger than the maximum age and asks again after it', async () => {
  const { dir, documents } = await site([`${base}/cached`]);
  const cacheDir = path.join(dir, 'cache');
  let clock = 1_000;
  const run = () => checkExternalLinks(documents, { ...options, cacheDir, now: () => clock, maxAgeMs: 500 });
  await run();
  await run();
  expect(hits.get('/cached')).toBe(1);
  clock += 1_000;
  await run();
  expect(hits.get('/cached')).toBe(2);
});
