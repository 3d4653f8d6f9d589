// What the page and its service worker (service-worker.ts) say to each other, and the build's
// manifest that web/offline-build.ts writes into dist/sw.js. Types only: the worker is built from
// its own file, so nothing here may be a value.

/** A file's path relative to the service worker's folder (its scope), and its size. */
export interface ManifestFile {
  path: string;
  bytes: number;
}

/** Written into sw.js by the build, so that each build's sw.js differs from the last one's by its
 *  bytes: that is what makes the browser install a new version. */
export interface OfflineManifest {
  /** A hash of the app shell's files: names the shell's cache. */
  version: string;
  /** The app shell, precached on install: './' (the page) and every file the build emitted. */
  shell: ManifestFile[];
  /** The shipped datasets (web/public/data): cached when first used, or all at once on request. */
  data: { version: string; files: ManifestFile[] };
}

/** Page → worker, with a MessagePort to answer on. */
export type ToServiceWorker =
  /** How many of the dataset files are cached already. */
  | { type: 'status' }
  /** Caches every dataset file not cached yet, reporting progress. */
  | { type: 'cache-data' };

/** Worker → page, on the port of the request. */
export type FromServiceWorker =
  | { type: 'status'; files: number; cached: number; bytes: number }
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'done'; files: number; bytes: number }
  | { type: 'failed'; file: string; reason: string; quota: boolean };
