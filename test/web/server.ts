// Local HTTP servers for web tests: node:http on 127.0.0.1, port 0, a route table, every request logged. Static
// routes answer conditional requests (ETag, Last-Modified) the way a well-behaved news site does.

import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export interface StaticRoute {
  body: string | Buffer;
  type: string;
  etag?: string;
  lastModified?: string;
  status?: number;
}

export interface TestServer {
  url: string;
  requests: LoggedRequest[];
  /** Requests to a path, robots.txt excluded unless asked for. */
  hits(path: string): LoggedRequest[];
  route(path: string, handler: Handler | StaticRoute): void;
  close(): Promise<void>;
}

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function serveStatic(route: StaticRoute): Handler {
  return (req, res) => {
    const fresh =
      (route.etag && req.headers['if-none-match'] === route.etag) ||
      (!route.etag && route.lastModified && req.headers['if-modified-since'] === route.lastModified);
    const headers: Record<string, string> = { 'content-type': route.type };
    if (route.etag) headers.etag = route.etag;
    if (route.lastModified) headers['last-modified'] = route.lastModified;
    if (fresh) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(route.status ?? 200, headers);
    res.end(route.body);
  };
}

/** Starts a server; unknown paths answer 404, robots.txt included unless routed. */
export async function startServer(routes: Record<string, Handler | StaticRoute> = {}): Promise<TestServer> {
  const table = new Map<string, Handler>();
  const requests: LoggedRequest[] = [];
  const add = (path: string, h: Handler | StaticRoute) =>
    table.set(path, typeof h === 'function' ? h : serveStatic(h));
  for (const [path, h] of Object.entries(routes)) add(path, h);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      at: Date.now(),
    });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  // Hanging handlers would keep close() waiting; track sockets to end them.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hits: (path) => requests.filter((r) => r.path === path),
    route: add,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A page of the fixtures as a static route with validators. */
export function page(name: string, etag = `"${name}-v1"`): StaticRoute {
  return { body: fixture(`pages/${name}`), type: 'text/html; charset=utf-8', etag };
}
