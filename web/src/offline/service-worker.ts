// The service worker (dist/sw.js, built by web/offline-build.ts with this build's MANIFEST).
// Its scope is its own folder, so it never answers for the rest of a course site, and its caches
// are named after that folder, so two copies of the playground on one site keep apart.
// - install: precaches the app shell (the page, its scripts, styles, worker and both .wasm).
// - activate: drops this folder's caches of other versions; claims the pages of a first visit so
//   the datasets they load are cached too. It never calls skipWaiting: a new version waits until
//   every page of the old one is closed, so a run never changes code under it.
// - fetch: the shell from its cache (one version's files together), a dataset from the data
//   cache or else the network (then cached); anything else is left to the network.
import type {
  FromServiceWorker,
  ManifestFile,
  OfflineManifest,
  ToServiceWorker,
} from './protocol.ts';

/** Written in by the build. */
declare const MANIFEST: OfflineManifest;

/** The little of the ServiceWorkerGlobalScope this file uses (the DOM library lacks it). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: ToServiceWorker;
  readonly ports: readonly MessagePort[];
}
interface Scope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
declare const self: Scope;

const scope = self.registration.scope;
const PREFIX = `nn-playground ${new URL(scope).pathname} `;
const SHELL_CACHE = `${PREFIX}shell ${MANIFEST.version}`;
const DATA_CACHE = `${PREFIX}data ${MANIFEST.data.version}`;

const url = (file: ManifestFile) => new URL(file.path, scope).href;
const shellUrls = new Set(MANIFEST.shell.map(url));
const dataUrls = new Set(MANIFEST.data.files.map(url));
/** The page: the scope itself, or its index.html, whatever the query. */
const pageUrls = new Set([scope, new URL('index.html', scope).href]);

self.addEventListener('install', (event) => {
  // A file under assets/ has its content's hash in its name, so the HTTP cache's copy (the page
  // has just loaded it) is the right one; the others ('./', the icon) come from the server, in
  // case an HTTP cache holds an older build's.
  const request = (file: ManifestFile) =>
    new Request(url(file), { cache: file.path.startsWith('assets/') ? 'default' : 'reload' });
  event.waitUntil(
    caches.open(SHELL_CACHE).then((cache) => cache.addAll(MANIFEST.shell.map(request))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith(PREFIX) && n !== SHELL_CACHE && n !== DATA_CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const address = request.url.split(/[?#]/)[0]!;
  if (request.mode === 'navigate' && pageUrls.has(address)) {
    event.respondWith(fromCache(SHELL_CACHE, scope, request));
  } else if (shellUrls.has(address)) {
    event.respondWith(fromCache(SHELL_CACHE, address, request));
  } else if (dataUrls.has(address)) {
    event.respondWith(dataFile(address));
  }
});

/** The cached copy of `key`, else the network's answer to `request`. */
async function fromCache(cache: string, key: string, request: Request): Promise<Response> {
  const hit = await (await caches.open(cache)).match(key);
  return hit ?? fetch(request);
}

/** A dataset file from the data cache, else from the network (and then cached). */
async function dataFile(address: string): Promise<Response> {
  const cache = await caches.open(DATA_CACHE);
  const hit = await cache.match(address);
  if (hit) return hit;
  const response = await fetch(address);
  if (response.ok) await cache.put(address, response.clone()).catch(() => {});
  return response;
}

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port) return;
  const reply = (message: FromServiceWorker) => port.postMessage(message);
  switch (event.data.type) {
    case 'status':
      event.waitUntil(status().then(reply));
      break;
    case 'cache-data':
      event.waitUntil(cacheAllData(reply));
      break;
  }
});

async function status(): Promise<FromServiceWorker> {
  const cache = await caches.open(DATA_CACHE);
  const cached = await Promise.all(MANIFEST.data.files.map((f) => cache.match(url(f))));
  return {
    type: 'status',
    files: MANIFEST.data.files.length,
    cached: cached.filter(Boolean).length,
    bytes: totalBytes(MANIFEST.data.files),
  };
}

/** Caches every dataset file not cached yet, one at a time, posting the bytes read as they come. */
async function cacheAllData(reply: (message: FromServiceWorker) => void): Promise<void> {
  const cache = await caches.open(DATA_CACHE);
  const total = totalBytes(MANIFEST.data.files);
  let loaded = 0;
  for (const file of MANIFEST.data.files) {
    const address = url(file);
    try {
      if (!(await cache.match(address))) {
        const response = await fetch(address, { cache: 'reload' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = await readCounting(response, (n) => {
          reply({ type: 'progress', loaded: loaded + n, total });
        });
        await cache.put(address, new Response(body, { headers: response.headers }));
      }
    } catch (error) {
      const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
      const reason = error instanceof Error ? error.message : String(error);
      reply({ type: 'failed', file: file.path, reason, quota });
      return;
    }
    loaded += file.bytes;
    reply({ type: 'progress', loaded, total });
  }
  reply({ type: 'done', files: MANIFEST.data.files.length, bytes: total });
}

/** The whole body, calling `progress` with the bytes read so far after each chunk. */
async function readCounting(response: Response, progress: (n: number) => void): Promise<Blob> {
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    n += value.byteLength;
    progress(n);
  }
  return new Blob(chunks as BlobPart[]);
}

function totalBytes(files: readonly ManifestFile[]): number {
  return files.reduce((sum, f) => sum + f.bytes, 0);
}
