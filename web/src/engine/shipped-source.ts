// Where the hosted page reads a shipped dataset's file: ./data/ beside the page. The single-file
// build swaps in shipped-source.single.ts (vite.single.config.ts).

/** The bytes of `file` (a name from SHIPPED_CATALOGUE); throws a message naming it. */
export async function readShippedFile(file: string): Promise<ArrayBuffer> {
  const response = await fetch(`./data/${file}`);
  if (!response.ok) throw new Error(`./data/${file}: HTTP ${response.status}`);
  return response.arrayBuffer();
}
