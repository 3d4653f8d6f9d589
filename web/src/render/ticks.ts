// The ticks of the plot's axes and of its colour scale, and their labels. Pure.

/** Tick values from min to max at a round step (1, 2, 2.5 or 5 times a power of ten) giving
 *  about `count` ticks, rather more than fewer. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const least = (max - min) / Math.max(1, count - 1) / 1.5;
  const power = 10 ** Math.floor(Math.log10(least));
  const step = ([1, 2, 2.5, 5, 10].find((n) => n * power >= least - 1e-12) ?? 10) * power;
  const first = Math.ceil(min / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out.map((v) => Number(v.toPrecision(12)));
}

/** A tick label: a proper minus sign, no trailing zeros ("−1.5", "0", "2"). */
export function tickLabel(value: number): string {
  const text = String(Number(value.toPrecision(6)));
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}
