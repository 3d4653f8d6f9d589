// Keeps the worker's run in step with the page's store: a new run in the store loads its scene
// (after fetching a shipped dataset's files), a live scene change goes to the running network, a
// command to the training loop; and the worker's messages about the current run go back to the
// store as changes. The worker's own copy of the scene lives in its session (session.ts).
import { SHIPPED_CATALOGUE, SUPPLIED } from '../scene/index.ts';
import type { Change, PageState, Store } from '../state/store.ts';
import { EngineClient, type EngineEvent, type WorkerFactory } from './client.ts';
import { liveChanges } from './hyperparameters.ts';
import type { ShippedFiles, ThumbnailPoints } from './protocol.ts';
import { shippedFiles } from './shipped-files.ts';

/** What the worker says that is not the run's (no page state). */
export interface EngineNews {
  /** The wasm module loaded; `arch` is its SIMD architecture. */
  ready(arch: string): void;
  thumbnails(sets: ThumbnailPoints[]): void;
}

export class RunSync {
  readonly client: EngineClient;

  constructor(
    private readonly store: Store,
    private readonly news: EngineNews,
    factory?: WorkerFactory,
  ) {
    this.client = new EngineClient(
      (event) => this.receive(event),
      () => this.load(store.state),
      factory,
    );
    store.subscribe((state, change, previous) => this.follow(state, change, previous));
    this.load(store.state);
  }

  private receive(event: EngineEvent): void {
    switch (event.type) {
      case 'ready':
        this.news.ready(event.arch);
        return;
      case 'thumbnails':
        this.news.thumbnails(event.sets);
        return;
      case 'points':
        this.store.apply({ type: 'points', points: event });
        return;
      case 'snapshot':
        this.store.apply({ type: 'snapshot', snapshot: event });
        return;
      case 'error':
      case 'fatal':
      case 'stopped':
        this.store.apply({ type: event.type, message: event.message });
        return;
    }
  }

  private follow(state: PageState, change: Change, previous: PageState): void {
    if (state.run !== previous.run) {
      this.load(state);
      return;
    }
    if (change.type === 'scene') {
      const changes = liveChanges(previous.scene, state.scene);
      if (changes && Object.keys(changes).length > 0) this.client.setHyperparameters(changes);
    } else if (change.type === 'command') {
      const client = this.client;
      ({
        play: () => client.play(),
        pause: () => client.pause(),
        step: () => client.step(1),
        epoch: () => client.stepEpochs(1),
        reset: () => client.reset(),
      })[change.command]();
    }
  }

  /** Loads the state's scene into the worker as its run, paused, and the parameters it starts
   *  from if any (an opened model): at once for generated data or the user's rows, after
   *  fetching the files for a shipped dataset. */
  private load({ scene, run, parameters }: PageState): void {
    const send = (files?: ShippedFiles) => {
      if (parameters) this.client.loadModel({ scene, parameters }, files);
      else this.client.load(scene, files);
    };
    const data = scene.data;
    if (data.name !== SUPPLIED || !data.dataset) {
      this.client.startRun(run);
      send();
      return;
    }
    const name = data.dataset;
    this.client.pause(); // The run the worker has stops while the files come.
    this.client.startRun(run);
    shippedFiles(name).then(
      (files) => {
        if (this.store.state.run === run) send(files);
      },
      (error: unknown) => {
        if (this.store.state.run !== run) return;
        this.client.pause(); // The run the worker still has answers, as this run.
        const message = error instanceof Error ? error.message : String(error);
        const title = SHIPPED_CATALOGUE[name].title;
        this.store.apply({ type: 'fetchFailed', message: `Could not load ${title}: ${message}` });
      },
    );
  }
}
