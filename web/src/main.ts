// The standalone page: the playground mounted into <body> (its markup is app/markup.html, which
// the build puts into index.html), its scene from the URL hash or local storage, and the URL
// following the scene (state/link-sync.ts).
import './style.css';
import 'uplot/dist/uPlot.min.css';
import { loadRulesOrSay, mountPlayground } from './app/mount.ts';
import { LinkSync } from './state/link-sync.ts';

// Every scene (the link's first) is checked by the engine's rules: load them before reading it.
await loadRulesOrSay(document.body);
const link = new LinkSync();
const playground = mountPlayground(document.body, link.initial());
link.follow(playground.store);
