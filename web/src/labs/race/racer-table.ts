// The racers' two tables: their settings (on/off, learning rate, options, each a labelled input
// with the engine catalogue's range) and the readout of where each one is now (the engine's
// snapshot: position, f, |∇f|, the optimiser's state, or the step where it diverged).
import type { RacerOptimizerState, RacerSnapshot } from '../../wasm/core-labs.mjs';
import type { RacerKind, RacerSettings } from './racers.ts';

function swatch(colour: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = 'race-swatch';
  s.style.background = colour;
  s.setAttribute('aria-hidden', 'true');
  return s;
}

/** The settings table; `sync` shows the settings again (after a link or a reset). */
export function racerControls(
  container: HTMLElement,
  kinds: readonly RacerKind[],
  racers: () => RacerSettings[],
  changed: () => void,
): { sync(): void } {
  const syncs: (() => void)[] = [];
  kinds.forEach((kind, i) => {
    const row = document.createElement('div');
    row.className = 'race-racer';
    row.dataset.racer = kind.id;
    const on = document.createElement('input');
    on.type = 'checkbox';
    on.id = `race-on-${kind.id}`;
    const name = document.createElement('label');
    name.htmlFor = on.id;
    name.className = 'race-racer-name';
    name.append(swatch(kind.colour), kind.title);
    row.append(on, name);
    on.addEventListener('change', () => {
      racers()[i]!.on = on.checked;
      changed();
    });
    const inputs = kind.options.map((option) => {
      const input = document.createElement('input');
      input.type = 'number';
      input.min = String(option.range.min);
      input.max = String(option.range.max);
      input.step = 'any';
      input.className = `race-option race-option-${option.key}`;
      input.setAttribute('aria-label', `${kind.title} ${option.label}`);
      input.title = `${option.label}: a number in [${option.range.min}, ${option.range.max}]`;
      const label = document.createElement('label');
      label.className = 'race-option-field';
      label.append(option.label, input);
      row.append(label);
      input.addEventListener('change', () => {
        const v = Number(input.value);
        const inside =
          input.value.trim() !== '' &&
          Number.isFinite(v) &&
          v >= option.range.min &&
          v <= option.range.max &&
          !(option.range.maxOpen && v === option.range.max) &&
          !(option.range.minOpen && v === option.range.min);
        input.setCustomValidity(
          inside ? '' : `${option.label} must be in [${option.range.min}, ${option.range.max}]`,
        );
        input.reportValidity();
        if (!inside) return;
        racers()[i]!.values[option.key] = v;
        changed();
      });
      return { input, option };
    });
    container.append(row);
    syncs.push(() => {
      const r = racers()[i]!;
      on.checked = r.on;
      for (const { input, option } of inputs) {
        input.value = String(r.values[option.key]);
        input.setCustomValidity('');
        input.disabled = !r.on;
      }
    });
  });
  return { sync: () => syncs.forEach((s) => s()) };
}

/** torch's state names, and what the course calls them. */
const STATE_NAMES: Record<keyof RacerOptimizerState, string> = {
  momentum_buffer: 'velocity',
  sum: 'Σg²',
  square_avg: 'avg g²',
  grad_avg: 'avg g',
  exp_avg: 'm',
  exp_avg_sq: 'v',
  max_exp_avg_sq: 'max v',
};

function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
}

function stateText(state: RacerOptimizerState): string {
  const parts = (Object.keys(STATE_NAMES) as (keyof RacerOptimizerState)[]).flatMap((key) => {
    const v = state[key];
    return v ? [`${STATE_NAMES[key]} (${key}) = (${num(v[0])}, ${num(v[1])})`] : [];
  });
  return parts.length ? parts.join('; ') : 'none (plain SGD keeps no state)';
}

export interface ReadoutRow {
  show(s: RacerSnapshot, trajectory: Float32Array | null): void;
}

export function readoutRow(body: HTMLTableSectionElement, kind: RacerKind): ReadoutRow {
  const row = body.insertRow();
  row.dataset.racer = kind.id;
  const name = document.createElement('th');
  name.scope = 'row';
  name.append(swatch(kind.colour), kind.title);
  row.append(name);
  const cells = [0, 1, 2, 3, 4, 5].map(() => row.insertCell());
  const [steps, x, y, f, grad, state] = cells as [
    HTMLTableCellElement,
    HTMLTableCellElement,
    HTMLTableCellElement,
    HTMLTableCellElement,
    HTMLTableCellElement,
    HTMLTableCellElement,
  ];
  state.className = 'race-state';
  return {
    show(s, trajectory) {
      steps.textContent = String(s.steps);
      x.textContent = num(s.x);
      y.textContent = num(s.y);
      f.textContent = num(s.f);
      grad.textContent = s.diverged ? '—' : num(s.gradNorm);
      state.textContent = s.diverged ? s.message : stateText(s.state);
      row.classList.toggle('race-diverged', s.diverged);
      row.dataset.steps = String(s.steps);
      row.dataset.diverged = String(s.diverged);
      if (trajectory) row.dataset.trajectory = Array.from(trajectory).join(',');
    },
  };
}
