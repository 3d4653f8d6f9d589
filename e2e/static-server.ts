// A static file server for the end-to-end tests that need more than `vite preview` gives: the
// build (web/dist) under a sub-path, as a course site would host it, with the response headers a
// test asks for (a Content-Security-Policy), a log of every request, and files replaced on the fly
// (a new sw.js, as the next release would ship). Anything outside the sub-path is a 404, so a
// request that escapes it (an absolute '/assets/…') fails visibly as well as in the log.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

/** The sub-path the tests host the build under (any would do; this one has a few levels). */
export const SUB_PATH = '/course/week-3/playground/';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.nnpd': 'application/octet-stream',
};

export interface StaticServerOptions {
  /** Where the files are (default web/dist). */
  root?: string;
  /** The URL path they are served under, with leading and trailing '/' (default SUB_PATH). */
  base?: string;
  /** Sent with every response (e.g. { 'Content-Security-Policy': … }). */
  headers?: Record<string, string>;
  /** Default: this checkout's PW_PORT + 10 (see playwright.config.ts); 0: any free port. */
  port?: number;
}

export interface StaticServer {
  /** The page's address: http://127.0.0.1:<port><base>. */
  readonly url: string;
  readonly origin: string;
  /** The path of every request received, in order (query included). */
  readonly requests: string[];
  /** Serves `body` for `file` (relative to the base, e.g. 'sw.js') instead of the file on disk. */
  replace(file: string, body: string | Buffer): void;
  /** Answers `status` (e.g. 404) for `file` from now on. */
  refuse(file: string, status: number): void;
  close(): Promise<void>;
}

/** The port for the n-th extra server of this checkout: PW_PORT + 10 + n, so checkouts with
 *  their own PW_PORT run side by side. Specs run one at a time and close their servers, so
 *  n = 0 and 1 are enough (checkouts' PW_PORTs may be only a few apart). */
export function extraPort(n = 0): number {
  return Number(process.env.PW_PORT ?? 4173) + 10 + n;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = options.root ?? DIST;
  const base = options.base ?? SUB_PATH;
  const port = options.port ?? extraPort();
  const requests: string[] = [];
  const replaced = new Map<string, Buffer>();
  const refused = new Map<string, number>();

  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push(path);
    const send = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        ...options.headers,
      });
      response.end(body);
    };
    const pathname = decodeURIComponent(path.split('?')[0]!);
    const relative = pathname.slice(base.length) || 'index.html';
    const file = normalize(join(root, relative));
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const substitute = replaced.get(relative);
    const refusal = refused.get(relative);
    if (!pathname.startsWith(base)) send(404, `outside ${base}: ${pathname}`);
    else if (!file.startsWith(root + sep)) send(404, 'outside the root');
    else if (refusal) send(refusal, `refused by the test: ${relative}`);
    else if (substitute) send(200, substitute, type);
    else {
      readFile(file).then(
        (body) => {
          send(200, body, type);
        },
        () => {
          send(404, `no such file: ${relative}`);
        },
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url: origin + base,
    origin,
    requests,
    replace: (file, body) => replaced.set(file, Buffer.from(body)),
    refuse: (file, status) => refused.set(file, status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
