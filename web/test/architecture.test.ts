// docs/architecture.md kept true: the page's layers import only what its table allows, and every
// file its concept table names exists.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'web/src');

/** What each folder of web/src may import (besides itself); `type` imports are free in render/. */
const ALLOWED: Record<string, readonly string[]> = {
  scene: ['wasm'],
  // locale.ts (every locale-dependent format) imports nothing: any layer may use it.
  data: ['scene', 'wasm', 'locale.ts'],
  // model.ts: the worker saves and loads the running network (saveModel / loadModel requests).
  engine: ['scene', 'data', 'wasm', 'state/store.ts', 'locale.ts', 'model.ts'],
  state: ['scene', 'engine', 'wasm', 'model.ts'],
  render: ['scene', 'engine', 'state', 'wasm', 'ui/dom.ts', 'locale.ts'],
  // The service worker's page side; service-worker.ts itself imports types only.
  offline: ['ui/dom.ts'],
  embed: ['scene', 'engine', 'state', 'wasm', 'model.ts'],
  // Files for the user to keep (issue 14): the PyTorch script, a pure function of a saved model
  // (model.ts types) and the catalogue; the pictures and CSVs, from the views and the worker.
  export: ['scene', 'engine', 'state', 'render', 'wasm', 'model.ts', 'locale.ts'],
  ui: [
    'embed',
    'export',
    'scene',
    'data',
    'engine',
    'state',
    'render',
    'wasm',
    'model.ts',
    'advice.ts',
    'network-edit.ts',
    'locale.ts',
  ],
  /** mountPlayground: the page's wiring (main.ts's, for any root). */
  app: [
    'export',
    'scene',
    'data',
    'engine',
    'state',
    'render',
    'ui',
    'wasm',
    'model.ts',
    'advice.ts',
    'network-edit.ts',
  ],
  /** <nn-playground>: a mount, its configuration, its styles, the message API's controller as
   *  methods, the compact view. */
  element: [
    'app',
    'embed',
    'engine',
    'scene',
    'state',
    'styles',
    'style.css?inline',
    'ui/compact-view.ts',
  ],
  /** The teaching labs (issues 15, 16): views of their own over the engine; never main.ts. */
  labs: [
    'app',
    // A playground beside a lab's text, in a shadow root with the element's stylesheets.
    'element/styles.ts',
    'embed',
    'engine',
    'export',
    'scene',
    'data',
    'state',
    'render',
    'ui',
    'wasm',
    'styles',
    'model.ts',
    'locale.ts',
  ],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mts)$/.test(name) && !name.endsWith('.d.mts') ? [path] : [];
  });
}

/** [specifier, type-only] of each relative import of a file. */
function imports(file: string): [string, boolean][] {
  const text = readFileSync(file, 'utf8');
  const found: [string, boolean][] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gms))
    found.push([m[2]!, m[1] !== undefined]);
  return found;
}

describe('docs/architecture.md', () => {
  it('lists layers whose imports keep to their rule', () => {
    const broken: string[] = [];
    for (const [layer, allowed] of Object.entries(ALLOWED)) {
      for (const file of files(join(src, layer))) {
        for (const [spec, typeOnly] of imports(file)) {
          const target = relative(src, resolve(dirname(file), spec));
          if (target.startsWith('..')) continue; // docs/scenes/*.json and the like
          const top = target.split('/')[0]!;
          if (top === layer) continue;
          if (layer === 'render' && typeOnly) continue;
          if (allowed.some((a) => target === a || top === a)) continue;
          broken.push(`${relative(src, file)} imports ${target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('names an existing file for every course concept', () => {
    const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Course concept'));
    const named = [...table.matchAll(/\| `([^`]+)` *\|$/gm)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(25);
    expect(named.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
