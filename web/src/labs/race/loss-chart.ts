// f against the step for every racer, on a small canvas: the race's scoreboard. The values are the
// engine's (each racer's losses()). The axis is logarithmic when every f is positive (a first
// step's f would otherwise flatten the rest), else linear.

export interface LossSeries {
  colour: string;
  losses: Float32Array;
}

export function drawLossChart(canvas: HTMLCanvasElement, series: LossSeries[]): void {
  const w = canvas.clientWidth || canvas.width;
  const h = canvas.clientHeight || canvas.height;
  const scale = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(w * scale)) {
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
  }
  const g = canvas.getContext('2d')!;
  g.setTransform(scale, 0, 0, scale, 0, 0);
  g.clearRect(0, 0, w, h);
  const left = 52,
    bottom = 22,
    top = 8,
    right = 8;
  let steps = 1,
    lo = Infinity,
    hi = -Infinity;
  for (const s of series) {
    steps = Math.max(steps, s.losses.length);
    for (const v of s.losses) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  g.strokeStyle = '#6a737d';
  g.strokeRect(left, top, w - left - right, h - top - bottom);
  g.fillStyle = '#24292f';
  g.font = '12px system-ui, sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.fillText(`step (0 – ${steps})`, left + (w - left - right) / 2, h - bottom + 5);
  if (!(hi >= lo)) return;
  if (hi === lo) hi = lo + 1;
  const log = lo > 0;
  const axis = (v: number) => (log ? Math.log10(v) : v);
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  g.fillText(hi.toPrecision(3), left - 4, top + 6);
  g.fillText(lo.toPrecision(3), left - 4, h - bottom - 6);
  g.save();
  g.translate(12, top + (h - top - bottom) / 2);
  g.rotate(-Math.PI / 2);
  g.textAlign = 'center';
  g.fillText(log ? 'f (log scale)' : 'f(x, y)', 0, 0);
  g.restore();
  const px = (i: number) => left + (i / Math.max(1, steps - 1)) * (w - left - right);
  const py = (v: number) =>
    top + (1 - (axis(v) - axis(lo)) / (axis(hi) - axis(lo))) * (h - top - bottom);
  for (const s of series) {
    g.strokeStyle = s.colour;
    g.lineWidth = 1.8;
    g.beginPath();
    s.losses.forEach((v, i) => {
      if (i === 0) g.moveTo(px(i), py(v));
      else g.lineTo(px(i), py(v));
    });
    g.stroke();
  }
}
