// Where the hosted page reads a shipped dataset's file: ./data/ beside the page, or beside
// nn-playground.js for the element (setDataFolder). The single-file build swaps in
// shipped-source.single.ts (vite.single.config.ts).

/** The folder the files are in: ./data/ beside the page unless setDataFolder says otherwise. */
let folder: string | URL = './data/';

/** The <nn-playground> script's data folder is beside the script, not the course page. */
export function setDataFolder(url: URL): void {
  folder = url;
}

/** The bytes of `file` (a name from SHIPPED_CATALOGUE); throws a message naming it. */
export async function readShippedFile(file: string): Promise<ArrayBuffer> {
  const url = typeof folder === 'string' ? `${folder}${file}` : new URL(file, folder).href;
  const response = await fetch(url).catch((error: unknown) => {
    // Offline, only the datasets the service worker saved are there (web/src/offline/).
    if (typeof navigator === 'undefined' || navigator.onLine) throw error;
    throw new Error('the browser is offline and this dataset was not saved for offline use');
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
