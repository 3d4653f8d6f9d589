// The page's snapshots, shared: every playground's worker sends up to 30 snapshots a second while
// playing, and each one is received, drawn and painted on the page's one main thread. Alone, a
// playground keeps the full rate; with several on a page (six <nn-playground> elements on a
// course page) they split PAGE_SNAPSHOTS between them, so the page keeps its frame rate
// (bench/bench-embed.mjs: six at 30 a second each held it to about 30 fps on this machine; at 12
// each, 60). Page-wide on purpose, as the frames are (render/frame-budget.ts).
import type { EngineClient } from '../engine/client.ts';

/** Snapshots a second the page's playgrounds share while playing. */
const PAGE_SNAPSHOTS = 60;
/** One playground's most (the worker's own cap). */
const MOST = 30;

const clients = new Set<EngineClient>();

function share(): void {
  const each = Math.min(MOST, Math.floor(PAGE_SNAPSHOTS / Math.max(clients.size, 1)));
  for (const client of clients) client.setSnapshotRate(each);
}

/** Counts `client` among the page's playgrounds; returns the call that stops counting it. */
export function joinSnapshotShare(client: EngineClient): () => void {
  clients.add(client);
  // Alone on a page nothing changes: the worker's default is the full rate.
  if (clients.size > 1) share();
  return () => {
    clients.delete(client);
    share();
  };
}
