// The Play/Pause, Step and Reset buttons and the status line beside them.
import { byId } from './dom.ts';

export interface ControlActions {
  togglePlay(): void;
  step(): void;
  reset(): void;
}

export type EngineStatus = 'loading' | 'fetching' | 'paused' | 'training' | 'stopped';

const STATUS_TEXT: Record<EngineStatus, string> = {
  loading: 'Loading the engine…',
  fetching: 'Loading the dataset…',
  paused: 'Paused',
  training: 'Training',
  stopped: 'Engine stopped',
};

export class Controls {
  private readonly play = byId('play', HTMLButtonElement);
  private readonly playLabel = byId('play-label', HTMLElement);
  private readonly step = byId('step', HTMLButtonElement);
  private readonly reset = byId('reset', HTMLButtonElement);
  private readonly status = byId('status', HTMLElement);

  constructor(actions: ControlActions) {
    this.play.addEventListener('click', () => actions.togglePlay());
    this.step.addEventListener('click', () => actions.step());
    this.reset.addEventListener('click', () => actions.reset());
  }

  setEnabled(enabled: boolean): void {
    for (const button of [this.play, this.step, this.reset]) button.disabled = !enabled;
  }

  /** Shows what the Play button will do next: "Pause" while (asked to be) playing. */
  showPlaying(playing: boolean): void {
    this.play.dataset.playing = String(playing);
    this.playLabel.textContent = playing ? 'Pause' : 'Play';
  }

  /** The worker-confirmed state; also exposed as <body data-engine="…"> for styles and tests. */
  showStatus(status: EngineStatus): void {
    document.body.dataset.engine = status;
    if (this.status.textContent !== STATUS_TEXT[status]) {
      this.status.textContent = STATUS_TEXT[status];
    }
  }
}
