// A shipped dataset's .nnpd files (web/public/data, served at ./data/ beside the page, or beside
// nn-playground.js for the element; read by shipped-source.ts): read once each, and handed out as fresh copies, since each load transfers
// its buffers to the worker.
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../scene/index.ts';
import type { ShippedFiles } from './protocol.ts';
import { readShippedFile } from './shipped-source.ts';

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
  const [data, test] = await Promise.all([
    readShippedFile(files.data),
    files.test ? readShippedFile(files.test) : Promise.resolve(undefined),
  ]);
  return test ? { data, test } : { data };
}
