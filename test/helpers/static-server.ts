import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** A running static file server and how to stop it. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Types sent gzip-compressed when the client accepts it, as a production host would. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.md']);

/**
 * Serves a built site from `siteDir` on 127.0.0.1 (an ephemeral port) the way a static host
 * does: `/a/` serves `a/index.html`, a missing file serves `404.html` with status 404,
 * and text is gzip-compressed for clients that accept it, so transferred bytes are realistic.
 */
export async function serveStatic(siteDir: string): Promise<StaticServer> {
  const root = path.resolve(siteDir);
  const server = createServer((request, response) => {
    handle(root, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let file = path.join(root, urlPath);
  if (file !== root && !file.startsWith(root + path.sep))
    return send(response, 403, path.join(root, '404.html'), request);
  if (urlPath.endsWith('/')) file = path.join(file, 'index.html');
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    response.writeHead(301, { location: `${urlPath}/` });
    response.end();
    return;
  }
  return info
    ? send(response, 200, file, request)
    : send(response, 404, path.join(root, '404.html'), request);
}

async function send(
  response: ServerResponse,
  status: number,
  file: string,
  request: IncomingMessage,
): Promise<void> {
  const extension = path.extname(file);
  const gzip = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
  response.writeHead(status, {
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  if (request.method === 'HEAD') return void response.end();
  const body = createReadStream(file);
  await (gzip ? pipeline(body, createGzip(), response) : pipeline(body, response));
}
