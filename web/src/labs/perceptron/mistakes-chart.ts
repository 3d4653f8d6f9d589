// The perceptron lab's mistakes-per-epoch chart: one bar per finished epoch (the engine's counts),
// the epochs of a detected cycle marked.
import { formatNumber } from '../../locale.ts';
import { crispContext } from '../lab-canvas.ts';

export function drawMistakes(
  canvas: HTMLCanvasElement,
  mistakes: Int32Array,
  samples: number,
  cycleLength: number,
): void {
  const width = canvas.clientWidth || 300;
  const height = 120;
  const g = crispContext(canvas, width, height, true);
  const left = 28;
  const bottom = 18;
  const plotW = width - left - 4;
  const plotH = height - bottom - 6;
  const shown = Math.max(mistakes.length, 20);
  const bar = plotW / shown;
  g.font = '10px system-ui, sans-serif';
  g.fillStyle = '#555';
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  g.fillText(formatNumber(samples), left - 4, 6);
  g.fillText('0', left - 4, 6 + plotH);
  g.strokeStyle = '#c9ced4';
  g.beginPath();
  g.moveTo(left, 6 + plotH + 0.5);
  g.lineTo(width, 6 + plotH + 0.5);
  g.stroke();
  mistakes.forEach((m, e) => {
    const h = (m / Math.max(1, samples)) * plotH;
    const inCycle = cycleLength > 0 && e >= mistakes.length - cycleLength;
    g.fillStyle = inCycle ? '#b42318' : m === 0 ? '#1a7f37' : '#6e7781';
    g.fillRect(
      left + e * bar + 1,
      6 + plotH - h,
      Math.max(1, bar - 2),
      Math.max(h, m === 0 ? 0 : 1),
    );
  });
  g.textAlign = 'left';
  g.textBaseline = 'bottom';
  g.fillStyle = '#555';
  g.fillText('epoch 1', left, height);
  if (mistakes.length >= 5) {
    g.textAlign = 'right';
    g.fillText(`epoch ${formatNumber(mistakes.length)}`, left + mistakes.length * bar, height);
  }
}
