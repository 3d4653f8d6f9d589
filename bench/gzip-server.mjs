// The static server issue 13's benches load the page from (bench-budgets.mjs, trace-ready.mjs): a
// build folder served from 127.0.0.1 with every response gzipped (as a typical host does for text
// and wasm), logging what it sent: path, bytes on the wire (body only) and when it was asked for.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The content types of the build's files (bench-embed.mjs serves them too, ungzipped). */
export const CONTENT_TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.nnpd': 'application/octet-stream',
};

/** Serves `dist` on a free port; `sent` lists each response's path, gzipped bytes and the time
 *  its request came (Date.now()). */
export function startGzipServer(dist, gzipLevel = 9) {
  const sent = [];
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const asked = Date.now();
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = join(dist, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      if (!cache.has(file)) cache.set(file, gzipSync(await readFile(file), { level: gzipLevel }));
      const body = cache.get(file);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-encoding': 'gzip',
        // Hashed assets may be cached; a fresh browser context starts cold anyway.
        'cache-control': path.startsWith('/assets/') ? 'max-age=31536000, immutable' : 'no-cache',
      });
      res.end(body);
      sent.push({ path, bytes: body.length, asked });
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, sent, port: server.address().port })),
  );
}
