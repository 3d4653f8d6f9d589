// A uPlot plugin that draws a dashed vertical line with a label at an x the caller names at
// each draw (early stopping's best epoch), or nothing when it names none. drawMarker is the
// drawing, shared with the chart's picture (export/pictures/chart-picture.ts).
import type uPlot from 'uplot';
import type { Surface } from './surface.ts';

const INK = '#1f2933';

/** The plot area, in the surface's pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The marker at pixel `px` of `box`; `unit` surface pixels per CSS pixel. */
export function drawMarker(ctx: Surface, px: number, box: Box, label: string, unit: number): void {
  if (px < box.left || px > box.left + box.width) return;
  ctx.save();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2 * Math.max(1, Math.round(unit));
  ctx.setLineDash([4 * unit, 3 * unit]);
  ctx.beginPath();
  ctx.moveTo(px, box.top);
  ctx.lineTo(px, box.top + box.height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.font = `${12 * unit}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const width = ctx.measureText(label).width;
  const right = px + width + 8 * unit > box.left + box.width;
  const left = right ? px - width - 6 * unit : px + 4 * unit;
  // On a white box, so the curves under it do not hide it.
  ctx.fillStyle = 'rgb(255 255 255 / 0.9)';
  ctx.fillRect(left - 2 * unit, box.top + 2 * unit, width + 4 * unit, 16 * unit);
  ctx.fillStyle = INK;
  ctx.fillText(label, left, box.top + 14 * unit);
  ctx.restore();
}

export function verticalMarker(at: () => { x: number; label: string } | null): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const mark = at();
        if (!mark) return;
        // A 2-device-pixel line on whole pixels, so it stays crisp (and solid) at any ratio.
        const px = Math.round(u.valToPos(mark.x, 'x', true));
        drawMarker(u.ctx, px, u.bbox, mark.label, devicePixelRatio || 1);
      },
    },
  };
}
