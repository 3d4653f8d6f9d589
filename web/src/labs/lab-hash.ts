// Which lab a URL hash opens: `#lab=<id>&…` (an empty id opens the labs' index). A hash without
// `lab` is the playground's (state/url.ts reads it).

/** The lab id in `hash` ('' for the index), or null when the hash is the playground's. */
export function labIdOf(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get('lab');
}

/** The hash (with '#') that opens lab `id` with these settings. */
export function labHash(id: string, settings?: URLSearchParams, embed = false): string {
  const params = new URLSearchParams({ lab: id });
  for (const [key, value] of settings ?? [])
    if (key !== 'lab' && key !== 'embed') params.set(key, value);
  if (embed) params.set('embed', '1');
  return `#${params.toString()}`;
}
