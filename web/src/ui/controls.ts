// The run controls: Play/Pause, Step (one batch), Epoch, Reset (same seed), Reseed (a new seed),
// the seed itself and the speed, and the status line beside them.
import { SPEEDS } from '../engine/pacing.ts';
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
  /** Optimiser steps per second while playing; null: as fast as the engine goes. */
  setSpeed(stepsPerSecond: number | null): void;
}

const STATUS_TEXT: Record<EngineStatus, string> = {
  loading: 'Loading the engine…',
  fetching: 'Loading the dataset…',
  paused: 'Paused',
  training: 'Training',
  finished: 'Early stopping ended the run',
  stopped: 'Engine stopped',
};

/** How the speed control reads for each of SPEEDS. */
export function speedLabel(stepsPerSecond: number | null): string {
  if (stepsPerSecond === null) return 'as fast as it goes';
  return `${stepsPerSecond.toLocaleString('en-US')} ${stepsPerSecond === 1 ? 'step' : 'steps'}/s`;
}

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
  private readonly speed: HTMLInputElement;
  private readonly speedValue: HTMLOutputElement;
  private readonly status: HTMLElement;

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
    this.speed = byId(root, 'speed', HTMLInputElement);
    this.speedValue = byId(root, 'speed-value', HTMLOutputElement);
    this.status = byId(root, 'status', HTMLElement);
    this.play.addEventListener('click', () => actions.togglePlay());
    this.step.addEventListener('click', () => actions.step());
    this.epoch.addEventListener('click', () => actions.stepEpoch());
    this.reset.addEventListener('click', () => actions.reset());
    this.reseed.addEventListener('click', () => actions.reseed(randomSeed()));
    this.speed.max = String(SPEEDS.length - 1);
    this.speed.value = this.speed.max;
    this.speed.addEventListener('input', () => this.speedChanged());
    this.showSpeed();
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

  /** Sets the speed control to `stepsPerSecond` (one of SPEEDS; null: as fast as it goes) and
   *  paces the worker by it, as moving the control does. */
  setSpeed(stepsPerSecond: number | null): void {
    const index = SPEEDS.indexOf(stepsPerSecond);
    if (index < 0) return;
    this.speed.value = String(index);
    this.speedChanged();
  }

  /** One notch slower (−1) or faster (+1) on the speed control. */
  nudgeSpeed(direction: -1 | 1): void {
    const index = Math.min(Math.max(Number(this.speed.value) + direction, 0), SPEEDS.length - 1);
    if (index === Number(this.speed.value)) return;
    this.speed.value = String(index);
    this.speedChanged();
  }

  /** The worker-confirmed state; also exposed as data-engine on the playground's root (<body> on the page) for styles and tests. */
  showStatus(status: EngineStatus): void {
    setData(this.root, 'engine', status);
    setText(this.status, STATUS_TEXT[status]);
  }

  private speedChanged(): void {
    this.showSpeed();
    this.actions.setSpeed(SPEEDS[Number(this.speed.value)] ?? null);
  }

  private showSpeed(): void {
    const text = speedLabel(SPEEDS[Number(this.speed.value)] ?? null);
    this.speedValue.value = text;
    this.speed.setAttribute('aria-valuetext', text);
  }
}
