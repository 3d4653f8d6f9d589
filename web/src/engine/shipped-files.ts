// A shipped dataset's .nnpd files (web/public/data, served at ./data/ beside the page): fetched
// once each, and handed out as fresh copies, since each load transfers its buffers to the worker.
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../scene/index.ts';
import type { ShippedFiles } from './protocol.ts';

interface Bytes {
  data: ArrayBuffer;
  test?: ArrayBuffer;
}

const fetched = new Map<ShippedDataset, Promise<Bytes>>();

/** The files of `name`, a copy each call; a failed fetch is forgotten, so a retry fetches again. */
export async function shippedFiles(name: ShippedDataset): Promise<ShippedFiles> {
  let bytes = fetched.get(name);
  if (!bytes) {
    bytes = fetchBytes(name);
    fetched.set(name, bytes);
  }
  let files: Bytes;
  try {
    files = await bytes;
  } catch (error) {
    fetched.delete(name);
    throw error;
  }
  const entry = SHIPPED_CATALOGUE[name].files;
  return {
    data: { nnpd: files.data.slice(0), name: entry.data },
    ...(files.test && entry.test ? { test: { nnpd: files.test.slice(0), name: entry.test } } : {}),
  };
}

async function fetchBytes(name: ShippedDataset): Promise<Bytes> {
  const { files } = SHIPPED_CATALOGUE[name];
  const get = async (file: string): Promise<ArrayBuffer> => {
    const response = await fetch(`./data/${file}`).catch((error: unknown) => {
      // Offline, only the datasets the service worker saved are there (web/src/offline/).
      if (typeof navigator === 'undefined' || navigator.onLine) throw error;
      throw new Error('the browser is offline and this dataset was not saved for offline use');
    });
    if (!response.ok) throw new Error(`./data/${file}: HTTP ${response.status}`);
    return response.arrayBuffer();
  };
  const [data, test] = await Promise.all([
    get(files.data),
    files.test ? get(files.test) : Promise.resolve(undefined),
  ]);
  return test ? { data, test } : { data };
}
