// The run controls: Play/Pause, Step (one batch), Epoch, Reset (same seed), Reseed (a new seed),
// the seed itself and the pace, and the status line beside them.
import { CLASSROOM_PACE, nearestChoice, PACES, paceLabel, type Pace } from '../engine/pace.ts';
import { LIMITS } from '../scene/index.ts';
import type { EngineStatus } from '../state/store.ts';
import { byId, setData, setText } from './dom.ts';

export interface ControlActions {
  togglePlay(): void;
  step(): void;
  stepEpoch(): void;
  reset(): void;
  /** A new run from `seed` (Reseed draws one; typing one reproduces a run). */
  reseed(seed: number): void;
  /** How fast Play trains (engine/pace.ts). */
  setPace(pace: Pace): void;
}

const STATUS_TEXT: Record<EngineStatus, string> = {
  loading: 'Loading the engine…',
  fetching: 'Loading the dataset…',
  paused: 'Paused',
  training: 'Training',
  finished: 'Early stopping ended the run',
  stopped: 'Engine stopped',
};

/** A seed for Reseed: uniform over the scene's seed range. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * (LIMITS.seed.max + 1));
}

export class Controls {
  private readonly play: HTMLButtonElement;
  private readonly playLabel: HTMLElement;
  private readonly step: HTMLButtonElement;
  private readonly epoch: HTMLButtonElement;
  private readonly reset: HTMLButtonElement;
  private readonly reseed: HTMLButtonElement;
  private readonly paceInput: HTMLInputElement;
  private readonly paceValue: HTMLOutputElement;
  private readonly status: HTMLElement;
  /** The pace Play trains at (the worker starts at the classroom pace too). */
  private current: Pace = CLASSROOM_PACE;

  /** `root` holds the controls and shows the engine's state as data-engine. */
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: ControlActions,
  ) {
    this.play = byId(root, 'play', HTMLButtonElement);
    this.playLabel = byId(root, 'play-label', HTMLElement);
    this.step = byId(root, 'step', HTMLButtonElement);
    this.epoch = byId(root, 'step-epoch', HTMLButtonElement);
    this.reset = byId(root, 'reset', HTMLButtonElement);
    this.reseed = byId(root, 'reseed', HTMLButtonElement);
    this.paceInput = byId(root, 'speed', HTMLInputElement);
    this.paceValue = byId(root, 'speed-value', HTMLOutputElement);
    this.status = byId(root, 'status', HTMLElement);
    this.play.addEventListener('click', () => actions.togglePlay());
    this.step.addEventListener('click', () => actions.step());
    this.epoch.addEventListener('click', () => actions.stepEpoch());
    this.reset.addEventListener('click', () => actions.reset());
    this.reseed.addEventListener('click', () => actions.reseed(randomSeed()));
    this.paceInput.max = String(PACES.length - 1);
    this.paceInput.value = String(PACES.indexOf(CLASSROOM_PACE));
    this.paceInput.addEventListener('input', () => this.choose(Number(this.paceInput.value)));
    this.showPace();
  }

  /** The run buttons work while the engine answers. */
  setEnabled(enabled: boolean): void {
    for (const button of [this.play, this.step, this.epoch, this.reset, this.reseed]) {
      button.disabled = !enabled;
    }
  }

  /** Shows what the Play button will do next: "Pause" while (asked to be) playing. */
  showPlaying(playing: boolean): void {
    // Called every frame: writes only what changed (each write restyles or lays out the page).
    setData(this.play, 'playing', String(playing));
    setText(this.playLabel, playing ? 'Pause' : 'Play');
  }

  /** The pace Play trains at. */
  get pace(): Pace {
    return this.current;
  }

  /** Sets the pace (a link's or an element's; one that is not a notch of the control shows on
   *  the nearest notch, and its own label). */
  setPace(pace: Pace): void {
    this.paceInput.value = String(nearestChoice(pace));
    this.current = pace;
    this.showPace();
    this.actions.setPace(pace);
  }

  /** One notch slower (−1) or faster (+1) on the pace control. */
  nudgePace(direction: -1 | 1): void {
    const index = Math.min(Math.max(Number(this.paceInput.value) + direction, 0), PACES.length - 1);
    if (index === Number(this.paceInput.value)) return;
    this.paceInput.value = String(index);
    this.choose(index);
  }

  /** The worker-confirmed state; also exposed as data-engine on the playground's root (<body> on the page) for styles and tests. */
  showStatus(status: EngineStatus): void {
    setData(this.root, 'engine', status);
    setText(this.status, STATUS_TEXT[status]);
  }

  private choose(index: number): void {
    this.setPace(PACES[index] ?? CLASSROOM_PACE);
  }

  private showPace(): void {
    const text = paceLabel(this.current);
    this.paceValue.value = text;
    this.paceInput.setAttribute('aria-valuetext', text);
  }
}
