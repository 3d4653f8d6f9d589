// Opening a file the user picked or dropped on the page: a saved model or a scene alone (the
// JSON documents of model.ts, an older version migrated). Either goes through the store as any
// scene does, so the link, the controls and the views follow: a model as a `model` change (its
// scene a new paused run that starts from its parameters: engine/run-sync.ts sends them with the
// load), a scene as a `scene` change. A file the page cannot take is a `refused` change naming
// the file, the field and the reason; the current scene and run stay.
import { loadDocument, type LoadedDocument, type LoadOptions } from '../model.ts';
import type { Store } from './store.ts';
import { carriesData } from './url.ts';

/**
 * The saved model or scene in a file's text; throws an Error starting with the bad field's path
 * ("model.parameters[0]…", "scene.optimizer.lr…", "format…"), or saying the text is not JSON.
 * The engine's scene rules must be loaded (loadSceneRules).
 */
export function readDocument(
  text: string,
  options: Pick<LoadOptions, 'migrations'> = {},
): LoadedDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `not a saved model or scene: the file is not JSON (${(error as Error).message})`,
    );
  }
  const document = loadDocument(json, options);
  if (!carriesData(document.scene)) {
    const path = document.kind === 'model' ? 'model.scene' : 'scene';
    throw new Error(
      `${path}.data.rows: missing; the scene names a data file's rows without carrying them: ` +
        'save it again from the page (a saved file carries the rows), or use a generator or a ' +
        'shipped dataset (data.dataset)',
    );
  }
  return document;
}

/**
 * Opens the text of file `name` in the store (see the top of this file). Returns whether it was
 * taken; a refusal is shown in the page's error banner.
 */
export function openDocument(
  store: Store,
  text: string,
  name: string,
  options: Pick<LoadOptions, 'migrations'> = {},
): boolean {
  let document: LoadedDocument;
  try {
    document = readDocument(text, options);
  } catch (error) {
    refuseFile(store, name, error);
    return false;
  }
  if (document.kind === 'model') {
    const { scene, parameters } = document;
    store.apply({ type: 'model', model: { scene, parameters } });
  } else {
    store.apply({ type: 'scene', scene: document.scene, how: 'restart' });
  }
  return true;
}

/** Shows why file `name` was not opened; the scene and the run stay. */
export function refuseFile(store: Store, name: string, error: unknown): void {
  const why = error instanceof Error ? error.message : String(error);
  store.apply({ type: 'refused', message: `Could not open ${name}: ${why}` });
}
