// The SVG back-end of the views' drawing (export/pictures/svg-surface.ts): canvas calls in, SVG
// elements out — circles for round markers, one element for a fill and its stroke, groups,
// clips, text and transforms — parsed back as XML.
import { describe, expect, it } from 'vitest';
import { SvgSurface } from '../src/export/pictures/svg-surface.ts';
import { svgColor } from '../src/export/pictures/svg-color.ts';
import { traceMarker } from '../src/render/markers.ts';

/** The elements of `svg` as [tag, attributes] (a tiny reader: these files have no comments,
 *  CDATA or entities besides the escaped ones). */
function elements(svg: string): [string, Record<string, string>][] {
  return [...svg.matchAll(/<([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g)].map((m) => [
    m[1]!,
    Object.fromEntries([...m[2]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  ]);
}

describe('svgColor', () => {
  it('writes CSS colours as #rrggbb and an opacity', () => {
    expect(svgColor('rgb(245 147 34)')).toEqual({ hex: '#f59322', opacity: 1 });
    expect(svgColor('rgb(0 0 0 / 0.25)')).toEqual({ hex: '#000000', opacity: 0.25 });
    expect(svgColor('rgba(8, 119, 189, 0.5)')).toEqual({ hex: '#0877bd', opacity: 0.5 });
    expect(svgColor('#FFF')).toEqual({ hex: '#ffffff', opacity: 1 });
    expect(() => svgColor('hsl(0 0% 0%)')).toThrow(/cannot write the colour "hsl/);
  });
});

describe('SvgSurface', () => {
  it('writes a round marker as one <circle> with its fill and its stroke', () => {
    const s = new SvgSurface(100, 50);
    s.group('train-points');
    for (const x of [10, 30]) {
      s.beginPath();
      traceMarker(s, 'circle', x, 20, 3);
      s.fillStyle = 'rgb(8 119 189)';
      s.fill();
      s.lineWidth = 1;
      s.strokeStyle = '#ffffff';
      s.stroke();
    }
    s.ungroup();
    s.beginPath();
    traceMarker(s, 'square', 50, 20, 3);
    s.fill();
    const svg = s.toString();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    const found = elements(svg);
    expect(found[0]).toEqual([
      'svg',
      expect.objectContaining({ width: '100', height: '50', viewBox: '0 0 100 50' }),
    ]);
    const circles = found.filter(([tag]) => tag === 'circle');
    expect(circles.map(([, a]) => a)).toEqual([
      { cx: '10', cy: '20', r: '3', fill: '#0877bd', stroke: '#ffffff', 'stroke-width': '1' },
      { cx: '30', cy: '20', r: '3', fill: '#0877bd', stroke: '#ffffff', 'stroke-width': '1' },
    ]);
    expect(svg).toMatch(/<g class="train-points">\s*<circle[^>]*\/>\s*<circle[^>]*\/>\s*<\/g>/);
    // A square is a closed path, filled but not stroked.
    const paths = found.filter(([tag]) => tag === 'path');
    expect(paths).toHaveLength(1);
    expect(paths[0]![1].d).toMatch(/^M[\d.]+ [\d.]+L.*Z$/);
    expect(paths[0]![1].stroke).toBeUndefined();
  });

  it('writes lines with their dash, cap and opacity; clips, text and transforms', () => {
    const s = new SvgSurface(200, 100);
    s.save();
    s.beginPath();
    s.rect(10, 10, 50, 50);
    s.clip();
    s.beginPath();
    s.moveTo(0, 0);
    s.bezierCurveTo(10, 0, 20, 30, 40, 30);
    s.strokeStyle = 'rgb(0 114 178 / 0.3)';
    s.lineWidth = 2;
    s.lineCap = 'round';
    s.setLineDash([10, 5]);
    s.stroke();
    s.restore();
    s.setLineDash([]);
    s.translate(20, 50);
    s.rotate(-Math.PI / 2);
    s.font = '12px system-ui, sans-serif';
    s.textAlign = 'center';
    s.textBaseline = 'middle';
    s.fillStyle = '#1f2933';
    s.fillText('loss <mean> & "more"', 0, 0);
    const svg = s.toString();
    const found = elements(svg);
    const clip = found.find(([tag]) => tag === 'clipPath')!;
    expect(clip[1].id).toBe('clip1');
    const line = found.find(([tag, a]) => tag === 'path' && a.d!.includes('C'))!;
    expect(line[1]).toEqual({
      d: 'M0 0C10 0 20 30 40 30',
      fill: 'none',
      stroke: '#0072b2',
      'stroke-opacity': '0.3',
      'stroke-width': '2',
      'stroke-linecap': 'round',
      'stroke-dasharray': '10 5',
    });
    expect(svg).toMatch(/<g clip-path="url\(#clip1\)">\s*<path d="M0 0C/);
    const text = found.find(([tag]) => tag === 'text')!;
    expect(text[1]).toMatchObject({
      x: '0',
      y: '0',
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      style: 'font: 12px system-ui, sans-serif',
      fill: '#1f2933',
      transform: 'matrix(0 -1 1 0 20 50)',
    });
    expect(svg).toContain('>loss &lt;mean&gt; &amp; &quot;more&quot;</text>');
  });
});
