/**
 * A local HTTPS server for the e2e tests: serves the shared corpus and our fixtures to whatever
 * host name the browser asked for, so the shipped extension runs on "www.theguardian.com"
 * without touching the network (DESIGN.md "Contracts"). The certificate is self-signed, made
 * with openssl at first use.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/readability');
export const FIXTURES = resolve(ROOT, 'test/fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** Map a request path to a file: /corpus/<slug>.html or /fixtures/<path>. */
function fileFor(pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  for (const [prefix, dir] of [['/corpus/', CORPUS], ['/fixtures/', FIXTURES]] as const) {
    if (clean.startsWith(prefix)) {
      const file = resolve(dir, clean.slice(prefix.length));
      return file.startsWith(dir) ? file : null;
    }
  }
  return null;
}

export interface FixtureServer {
  port: number;
  /** Extra responses for a path (tests that build pages on the fly). */
  route(pathname: string, body: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, { body: string; headers: Record<string, string> }>();
  const server: Server = createServer(certificate(), (req, res) => {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const routed = routes.get(url.pathname);
    if (routed) {
      res.writeHead(200, { 'content-type': TYPES['.html'] as string, ...routed.headers });
      res.end(routed.body);
      return;
    }
    const file = fileFor(url.pathname);
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    // `<file>.headers.json` beside a fixture adds response headers (e.g. a strict CSP).
    const extra = existsSync(`${file}.headers.json`) ? (JSON.parse(readFileSync(`${file}.headers.json`, 'utf8')) as Record<string, string>) : {};
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    port: address.port,
    route: (pathname, body, headers = {}) => routes.set(pathname, { body, headers }),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
