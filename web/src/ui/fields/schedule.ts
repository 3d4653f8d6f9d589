// The Learning-rate schedule group: the lr_scheduler and its arguments.
import { SCHEDULER_ARGS, SCHEDULERS } from '../../scene/index.ts';
import type { SchedulerName, SchedulerSpec } from '../../wasm/core.mjs';
import { always, clone, names, numeric, put, type Field, type NumberField } from './field.ts';

type SchedulerArg = Exclude<keyof SchedulerSpec, 'name'>;

/** A scheduler's required arguments when it is chosen (it steps once per optimiser step). */
const SCHEDULER_START: Record<SchedulerName, Omit<SchedulerSpec, 'name'>> = {
  StepLR: { step_size: 500 },
  ExponentialLR: { gamma: 0.999 },
  CosineAnnealingLR: { T_max: 2000 },
  LinearLR: {},
};

const SCHEDULER_DEFAULTS: Partial<Record<SchedulerArg, string>> = {
  gamma: '0.1',
  eta_min: '0',
  start_factor: '0.3333',
  end_factor: '1.0',
  total_iters: '5',
};

const SCHEDULER_HINTS: Record<SchedulerArg, string> = {
  step_size: 'StepLR multiplies lr by gamma every step_size optimiser steps.',
  gamma: 'The factor lr is multiplied by (every step for ExponentialLR).',
  T_max: 'Optimiser steps of the half cosine from lr down to eta_min.',
  eta_min: 'The learning rate at the bottom of the cosine.',
  start_factor: 'LinearLR starts at lr·start_factor …',
  end_factor: '… and moves linearly to lr·end_factor …',
  total_iters: '… over this many optimiser steps.',
};

function schedulerArg(key: SchedulerArg, integer: boolean): NumberField {
  return numeric({
    id: key === 'T_max' ? 'tMax' : key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()),
    group: 'scheduler',
    label: key,
    hint: SCHEDULER_HINTS[key],
    path: `scheduler.${key}`,
    integer,
    shown: (s) => {
      if (!s.scheduler) return false;
      const { required, optional } = SCHEDULER_ARGS[s.scheduler.name];
      return [...required, ...optional].includes(key);
    },
    placeholder: (s) =>
      s.scheduler && SCHEDULER_ARGS[s.scheduler.name].required.includes(key)
        ? 'required'
        : (SCHEDULER_DEFAULTS[key] ?? ''),
    get: (s) => s.scheduler?.[key],
    set: (next, value) => next.scheduler && put(next.scheduler, key, value),
  });
}

export const schedulerFields: Field[] = [
  {
    kind: 'select',
    id: 'scheduler',
    group: 'scheduler',
    label: 'lr_scheduler',
    hint: 'Changes lr as training goes on; stepped once per optimiser step.',
    path: 'scheduler.name',
    shown: always,
    options: () => [{ value: 'none', label: 'none' }, ...names(SCHEDULERS)],
    read: (s) => s.scheduler?.name ?? 'none',
    write: (s, value) => {
      const next = clone(s);
      if (value === 'none') delete next.scheduler;
      else {
        const name = value as SchedulerName;
        next.scheduler =
          s.scheduler?.name === name ? s.scheduler : { name, ...SCHEDULER_START[name] };
      }
      return { scene: next, note: null };
    },
  },
  schedulerArg('step_size', true),
  schedulerArg('gamma', false),
  schedulerArg('T_max', true),
  schedulerArg('eta_min', false),
  schedulerArg('start_factor', false),
  schedulerArg('end_factor', false),
  schedulerArg('total_iters', true),
];
