// A Vite plugin (build only) that writes dist/sw.js: the service worker (src/offline/
// service-worker.ts, its types stripped) after a MANIFEST of this build's files — the app shell
// with its hashed names, and the shipped datasets of public/data with their sizes. The shell's
// version is a hash of its files' contents, so every build that changes a file changes sw.js, and
// the browser installs it as a new version (and drops the old version's cache).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';
import type { ManifestFile, OfflineManifest } from './src/offline/protocol.ts';

const SOURCE = fileURLToPath(new URL('./src/offline/service-worker.ts', import.meta.url));
export const SERVICE_WORKER_FILE = 'sw.js';
/** The shipped datasets' folder, under public/ and so under dist/. */
const DATA_DIR = 'data';

export function offlineBuild(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'nn-playground:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      // Only the page's build (a config that extends this one for another output, such as a
      // single-file page or a library, must not overwrite dist/sw.js).
      if (!('index.html' in bundle)) return;
      const shell: ManifestFile[] = [];
      const version = createHash('sha256');
      const add = (name: string, bytes: Buffer) => {
        // The page is cached under its folder's address, which is what a visitor opens.
        shell.push({ path: name === 'index.html' ? './' : name, bytes: bytes.byteLength });
        version.update(name).update(bytes);
      };
      for (const name of Object.keys(bundle).sort()) {
        const item = bundle[name]!;
        if (!name.endsWith('.map'))
          add(name, Buffer.from(item.type === 'chunk' ? item.code : item.source));
      }
      // public/'s own files (the icon), copied to dist/ as they are; its data/ folder is below.
      for (const entry of await readdir(config.publicDir, { withFileTypes: true }).catch(
        () => [],
      )) {
        if (entry.isFile()) add(entry.name, await readFile(join(config.publicDir, entry.name)));
      }
      const manifest: OfflineManifest = {
        version: version.digest('hex').slice(0, 16),
        shell,
        data: await dataFiles(join(config.publicDir, DATA_DIR)),
      };
      const { code } = await transformWithOxc(await readFile(SOURCE, 'utf8'), SOURCE);
      // A classic script (module service workers are too recent in some browsers): the type-only
      // import leaves an empty `export {}` behind, and nothing else may.
      const script = code.replace(/^export \{\};?\s*$/m, '');
      if (/^(import|export)\b/m.test(script))
        this.error(`${SOURCE} must build to a classic script`);
      this.emitFile({
        type: 'asset',
        fileName: SERVICE_WORKER_FILE,
        source: `const MANIFEST = ${JSON.stringify(manifest)};\n${script}`,
      });
    },
  };
}

async function dataFiles(dir: string): Promise<OfflineManifest['data']> {
  const names = (await readdir(dir).catch(() => [])).sort();
  const version = createHash('sha256');
  const files: ManifestFile[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    files.push({ path: `${DATA_DIR}/${name}`, bytes: bytes.byteLength });
    version.update(name).update(bytes);
  }
  return { version: version.digest('hex').slice(0, 16), files };
}
