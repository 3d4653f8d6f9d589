// A uPlot plugin that draws a dashed vertical line with a label at an x the caller names at
// each draw (early stopping's best epoch), or nothing when it names none.
import type uPlot from 'uplot';

const INK = '#1f2933';

export function verticalMarker(at: () => { x: number; label: string } | null): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const mark = at();
        if (!mark) return;
        const { ctx, bbox } = u;
        // A 2-device-pixel line on whole pixels, so it stays crisp (and solid) at any ratio.
        const px = Math.round(u.valToPos(mark.x, 'x', true));
        if (px < bbox.left || px > bbox.left + bbox.width) return;
        const ratio = devicePixelRatio || 1;
        ctx.save();
        ctx.strokeStyle = INK;
        ctx.lineWidth = 2 * Math.max(1, Math.round(ratio));
        ctx.setLineDash([4 * ratio, 3 * ratio]);
        ctx.beginPath();
        ctx.moveTo(px, bbox.top);
        ctx.lineTo(px, bbox.top + bbox.height);
        ctx.stroke();
        ctx.font = `${12 * ratio}px system-ui, sans-serif`;
        const width = ctx.measureText(mark.label).width;
        const right = px + width + 8 * ratio > bbox.left + bbox.width;
        const left = right ? px - width - 6 * ratio : px + 4 * ratio;
        // On a white box, so the curves under it do not hide it.
        ctx.fillStyle = 'rgb(255 255 255 / 0.9)';
        ctx.fillRect(left - 2 * ratio, bbox.top + 2 * ratio, width + 4 * ratio, 16 * ratio);
        ctx.fillStyle = INK;
        ctx.fillText(mark.label, left, bbox.top + 14 * ratio);
        ctx.restore();
      },
    },
  };
}
