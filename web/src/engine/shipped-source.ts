// Where the hosted page reads a shipped dataset's file: ./data/ beside the page. The single-file
// build swaps in shipped-source.single.ts (vite.single.config.ts).

/** The bytes of `file` (a name from SHIPPED_CATALOGUE); throws a message naming it. */
export async function readShippedFile(file: string): Promise<ArrayBuffer> {
  const response = await fetch(`./data/${file}`).catch((error: unknown) => {
    // Offline, only the datasets the service worker saved are there (web/src/offline/).
    if (typeof navigator === 'undefined' || navigator.onLine) throw error;
    throw new Error('the browser is offline and this dataset was not saved for offline use');
  });
  if (!response.ok) throw new Error(`./data/${file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
