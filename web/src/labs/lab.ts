// What a teaching lab is (issues 15 and 16): a view of the app with its own link
// (`#lab=<id>&…`, read by lab-page.ts), embeddable like the playground (`&embed=1` drops the
// page's header), operable by keyboard, and computed by the engine — the labs' module
// (lab-engine.ts) for small computations on the main thread, or workers running the page's engine
// (`context.worker`) for training. A lab keeps its own settings in the link through `context.link`.
import type { WorkerFactory } from '../engine/client.ts';

/** The lab's part of the URL hash: every `key=value` but `lab` and `embed`. */
export interface LabLink {
  /** The settings the link opened with (a copy). */
  readonly initial: URLSearchParams;
  /** Writes the lab's settings into the link (replacing the history entry). */
  write(settings: URLSearchParams): void;
}

export interface LabContext {
  /** Starts a worker running the page's engine (as the playground's), for labs that train. */
  readonly worker: WorkerFactory;
  readonly link: LabLink;
  /** Whether the lab is embedded (`&embed=1`): no page header, a compact layout. */
  readonly embed: boolean;
  /** Call once the lab has drawn its first computed state (the page's ready point for tests). */
  ready(): void;
  /** Shows a problem in the lab's banner (bad input: what to change), or clears it with null. */
  say(message: string | null): void;
}

/** A mounted lab: `dispose` stops its timers and workers (the page swaps labs on a hash change). */
export interface MountedLab {
  dispose(): void;
}

export interface LabModule {
  mountLab(root: HTMLElement, context: LabContext): MountedLab | Promise<MountedLab>;
}

export interface LabEntry {
  /** The `#lab=` id. */
  readonly id: string;
  readonly title: string;
  /** One sentence for the labs' index: what a student sees in it. */
  readonly summary: string;
  load(): Promise<LabModule>;
}
