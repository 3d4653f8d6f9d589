// How fast Play trains, in the course's units: epochs (or, at the slow end, optimiser steps) per
// second. The one list of the pace control's choices and the one default, which the page, the
// worker, the embed link and the <nn-playground> element's `pace` attribute all use.
import { formatNumber } from '../locale.ts';

/** A pace: so many epochs, or optimiser steps, per second; 'fast': as fast as the engine goes. */
export type Pace =
  'fast' | { readonly epochsPerSecond: number } | { readonly stepsPerSecond: number };

/** The frame rate of a usual screen: "one epoch per frame" means this many epochs a second. */
export const FRAMES_PER_SECOND = 60;

/** The default, a teaching pace: about one epoch per animation frame, as TensorFlow Playground
 *  runs, so a first-time student sees the boundary form over a few seconds. */
export const CLASSROOM_PACE: Pace = { epochsPerSecond: FRAMES_PER_SECOND };

/** The pace control's choices, slowest first; 'fast' is one notch above the classroom pace. */
export const PACES: readonly Pace[] = [
  { stepsPerSecond: 1 },
  { stepsPerSecond: 3 },
  { stepsPerSecond: 10 },
  { epochsPerSecond: 1 },
  { epochsPerSecond: 5 },
  { epochsPerSecond: 20 },
  CLASSROOM_PACE,
  'fast',
];

/** The most epochs or steps per second a pace may name (above it, 'fast' says it better). */
export const MAX_PACE_RATE = 100_000;

/** How the pace reads: "1 epoch / frame", "5 epochs/s", "1 step/s", "as fast as it goes". */
export function paceLabel(pace: Pace): string {
  if (pace === 'fast') return 'as fast as it goes';
  const [unit, rate] = rateOf(pace);
  const perFrame = rate / FRAMES_PER_SECOND;
  if (unit === 'epoch' && Number.isInteger(perFrame)) {
    return `${perFrame} ${perFrame === 1 ? 'epoch' : 'epochs'} / frame`;
  }
  return `${formatNumber(rate)} ${rate === 1 ? unit : `${unit}s`}/s`;
}

/** The same pace (choices are compared by value: a pace may come through a message). */
export function samePace(a: Pace, b: Pace): boolean {
  return paceLabel(a) === paceLabel(b);
}

/**
 * A pace from its name, as an attribute or a link gives it: "classroom" (the default), "fast",
 * or a number of epochs per second ("5", "0.5"). Throws an Error saying what is accepted.
 */
export function parsePace(text: string): Pace {
  const name = text.trim().toLowerCase();
  if (name === 'classroom') return CLASSROOM_PACE;
  if (name === 'fast') return 'fast';
  const rate = name === '' ? Number.NaN : Number(name);
  if (!(rate > 0 && rate <= MAX_PACE_RATE)) {
    throw new Error(
      `pace: expected "classroom", "fast" or epochs per second (a number above 0, at most ` +
        `${formatNumber(MAX_PACE_RATE)}), got "${text}"`,
    );
  }
  return { epochsPerSecond: rate };
}

/** Checks a pace that arrives as data (a worker message): the rate must be a positive number. */
export function checkPace(pace: Pace): Pace {
  if (pace === 'fast') return pace;
  const [, rate] = rateOf(pace);
  if (!(typeof rate === 'number' && rate > 0 && rate <= MAX_PACE_RATE)) {
    throw new Error(
      `setPace: the rate must be a number above 0, at most ${MAX_PACE_RATE}, got ${String(rate)}`,
    );
  }
  return pace;
}

/** Optimiser steps in one epoch: ⌈rows / batch⌉, or ⌊rows / batch⌋ with drop_last (as the
 *  engine's epoch loop takes them). */
export function stepsPerEpoch(rows: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(rows / batchSize) : Math.ceil(rows / batchSize);
}

/** The optimiser steps per second a pace asks of a run with `stepsInEpoch` steps per epoch
 *  (null: unlimited). */
export function stepsPerSecond(pace: Pace, stepsInEpoch: number): number | null {
  if (pace === 'fast') return null;
  if ('stepsPerSecond' in pace) return pace.stepsPerSecond;
  return pace.epochsPerSecond * Math.max(stepsInEpoch, 1);
}

/** The choice of PACES nearest to `pace` in its own unit (for the control, when a pace given by
 *  name is not one of its notches). */
export function nearestChoice(pace: Pace): number {
  if (pace === 'fast') return PACES.indexOf('fast');
  const [unit, rate] = rateOf(pace);
  let best = 0;
  let bestDistance = Infinity;
  PACES.forEach((choice, index) => {
    if (choice === 'fast') return;
    const [otherUnit, other] = rateOf(choice);
    const distance = otherUnit === unit ? Math.abs(Math.log(other / rate)) : Infinity;
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

function rateOf(pace: Exclude<Pace, 'fast'>): ['epoch' | 'step', number] {
  return 'epochsPerSecond' in pace
    ? ['epoch', pace.epochsPerSecond]
    : ['step', pace.stepsPerSecond];
}
