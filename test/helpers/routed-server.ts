import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RoutedServer {
  /** Path → handler; cleared after each test. Unknown paths answer 404. */
  routes: Map<string, Handler>;
  /** Request headers and URLs seen since the test began. */
  headers: http.IncomingHttpHeaders[];
  urls: string[];
  readonly port: number;
  /** TCP connections accepted since the test began. */
  readonly connections: number;
}

/**
 * An HTTP server on 127.0.0.1 for the fetch tests, started once per file and reset
 * after each test (routes, request log, connection count, spies).
 */
export function useRoutedServer(): RoutedServer {
  const state = { port: 0, connections: 0 };
  const routes = new Map<string, Handler>();
  const headers: http.IncomingHttpHeaders[] = [];
  const urls: string[] = [];
  let server: http.Server;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      headers.push(req.headers);
      urls.push(req.url ?? '');
      const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
      if (handler) handler(req, res);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
    });
    server.on('connection', () => state.connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  afterEach(() => {
    routes.clear();
    headers.length = 0;
    urls.length = 0;
    state.connections = 0;
    vi.restoreAllMocks();
  });
  return {
    routes,
    headers,
    urls,
    get port() {
      return state.port;
    },
    get connections() {
      return state.connections;
    },
  };
}
