// Ticks a lesson's "try this" prompts off as the playground's state meets them: it keeps the
// run's history (every evaluation the worker reports, as the charts do) and asks each prompt's
// check after every change. A prompt once met stays done for the visit.
import type { Store } from '../../state/store.ts';
import { RunHistory } from '../../render/history.ts';
import type { LessonState, Prompt } from './lesson.ts';

export class PromptTracker {
  private history = new RunHistory('lesson');
  private run = -1;
  private readonly done: boolean[];
  private readonly stop: () => void;

  constructor(
    store: Store,
    private readonly prompts: readonly Prompt[],
    /** Hears each prompt the first time it is met. */
    private readonly met: (index: number) => void,
  ) {
    this.done = prompts.map(() => false);
    this.stop = store.subscribe((state, change) => {
      if (change.type === 'snapshot') this.record(change.snapshot);
      this.check({ scene: state.scene, snapshot: state.snapshot, history: this.history });
    });
  }

  dispose(): void {
    this.stop();
  }

  private record(snapshot: NonNullable<LessonState['snapshot']>): void {
    if (snapshot.run !== this.run) {
      this.run = snapshot.run;
      this.history = new RunHistory('lesson');
    }
    const { history, historyStart } = snapshot;
    if (!history || historyStart === undefined) return;
    // A gap cannot happen (the tracker hears every snapshot of the run); if one did, the
    // records after it are left out rather than misplaced.
    this.history.append(history, historyStart);
  }

  private check(state: LessonState): void {
    this.prompts.forEach((prompt, i) => {
      if (this.done[i] || !prompt.done(state)) return;
      this.done[i] = true;
      this.met(i);
    });
  }
}
