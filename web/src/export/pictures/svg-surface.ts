// A Surface (render/surface.ts) that writes SVG: the views' own drawing code, recorded as vector
// elements. A path that is one full arc becomes a <circle>, any other a <path>; a fill followed
// by a stroke of the same path is one element; text is <text>; a drawn canvas (the heatmap, a
// neuron's map) is an embedded PNG <image>; a clip is a <clipPath>. Coordinates are the views'
// CSS pixels. Pure apart from drawImage (a canvas's toDataURL): web/test/svg-surface.test.ts.
import type { Surface } from '../../render/surface.ts';
import { svgColor } from './svg-color.ts';

interface SvgNode {
  tag: string;
  attrs: Record<string, string>;
  children: SvgNode[];
  text?: string;
}

/** What save() keeps besides the canvas properties: the dash, the transform and the clips. */
interface Extra {
  dash: number[];
  /** The transform [a, b, c, d, e, f] (translate and rotate only). */
  matrix: number[];
  /** Clip groups opened since the matching save(), closed by restore(). */
  clips: number;
}

/** The canvas properties a Surface has, which save() and restore() keep. */
type Drawing = Pick<
  Surface,
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
  | 'lineJoin'
  | 'lineCap'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'imageSmoothingEnabled'
>;

const FULL_TURN = 2 * Math.PI;
const IDENTITY = [1, 0, 0, 1, 0, 0];
const ANCHOR: Record<CanvasTextAlign, string> = {
  start: 'start',
  left: 'start',
  center: 'middle',
  right: 'end',
  end: 'end',
};
const BASELINE: Record<CanvasTextBaseline, string | null> = {
  top: 'hanging',
  hanging: 'hanging',
  middle: 'central',
  alphabetic: null,
  ideographic: 'ideographic',
  bottom: 'text-after-edge',
};

/** A number as SVG writes it: at most 3 decimals, no trailing zeros. */
function num(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function serialize(node: SvgNode, indent: string): string {
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join('');
  if (node.text !== undefined)
    return `${indent}<${node.tag}${attrs}>${escape(node.text)}</${node.tag}>`;
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}/>`;
  const inner = node.children.map((c) => serialize(c, `${indent}  `)).join('\n');
  return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}

let measurer: CanvasRenderingContext2D | null | undefined;
function measuring(): CanvasRenderingContext2D | null {
  measurer ??= document.createElement('canvas').getContext('2d');
  return measurer;
}

export class SvgSurface implements Surface {
  // The canvas's properties and their defaults.
  fillStyle: string | CanvasGradient | CanvasPattern = '#000000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = 'miter';
  lineCap: CanvasLineCap = 'butt';
  font = '10px sans-serif';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  imageSmoothingEnabled = true;
  private extra: Extra = { dash: [], matrix: [...IDENTITY], clips: 0 };
  private readonly saved: { drawing: Drawing; extra: Extra }[] = [];
  private readonly root: SvgNode = { tag: 'g', attrs: {}, children: [] };
  private readonly defs: SvgNode[] = [];
  /** The open groups, innermost last (the root first). */
  private readonly open: SvgNode[] = [this.root];
  /** The current path as SVG path data, and whether it is exactly one full circle. */
  private d: string[] = [];
  private circle: { cx: number; cy: number; r: number } | null = null;
  private current: { x: number; y: number } | null = null;
  /** The element the last fill() wrote, while the path is unchanged (a stroke joins it). */
  private filled: SvgNode | null = null;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  private plain(value: string | CanvasGradient | CanvasPattern): string {
    if (typeof value !== 'string') {
      throw new Error('SvgSurface: gradients and patterns are not drawn');
    }
    return value;
  }

  beginPath(): void {
    this.d = [];
    this.circle = null;
    this.current = null;
    this.filled = null;
  }

  private changed(): void {
    this.filled = null;
  }

  moveTo(x: number, y: number): void {
    this.changed();
    this.d.push(`M${num(x)} ${num(y)}`);
    this.current = { x, y };
    this.circle = null;
  }

  lineTo(x: number, y: number): void {
    this.changed();
    this.d.push(`${this.current ? 'L' : 'M'}${num(x)} ${num(y)}`);
    this.current = { x, y };
    this.circle = null;
  }

  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    this.changed();
    if (!this.current) this.d.push(`M${num(c1x)} ${num(c1y)}`);
    this.d.push(`C${[c1x, c1y, c2x, c2y, x, y].map(num).join(' ')}`);
    this.current = { x, y };
    this.circle = null;
  }

  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void {
    this.changed();
    const sx = x + radius * Math.cos(startAngle);
    const sy = y + radius * Math.sin(startAngle);
    const full = endAngle - startAngle >= FULL_TURN - 1e-9;
    // One full circle on an empty path (or one that only moved to its start) is a <circle>.
    const alone =
      this.d.length === 0 ||
      (this.d.length === 1 &&
        this.current !== null &&
        Math.abs(this.current.x - sx) < 1e-9 &&
        Math.abs(this.current.y - sy) < 1e-9);
    this.circle = full && alone ? { cx: x, cy: y, r: radius } : null;
    this.d.push(`${this.current ? 'L' : 'M'}${num(sx)} ${num(sy)}`);
    const r = num(radius);
    if (full) {
      const ox = x - (sx - x);
      const oy = y - (sy - y);
      this.d.push(
        `A${r} ${r} 0 1 1 ${num(ox)} ${num(oy)}`,
        `A${r} ${r} 0 1 1 ${num(sx)} ${num(sy)}`,
      );
      this.current = { x: sx, y: sy };
      return;
    }
    const ex = x + radius * Math.cos(endAngle);
    const ey = y + radius * Math.sin(endAngle);
    const sweep = (((endAngle - startAngle) % FULL_TURN) + FULL_TURN) % FULL_TURN;
    this.d.push(`A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${num(ex)} ${num(ey)}`);
    this.current = { x: ex, y: ey };
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.changed();
    this.d.push(`M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}Z`);
    this.current = { x, y };
    this.circle = null;
  }

  closePath(): void {
    this.changed();
    if (this.d.length > 0) this.d.push('Z');
  }

  /** The current path as an element without paint. */
  private shape(): SvgNode {
    if (this.circle) {
      const { cx, cy, r } = this.circle;
      return { tag: 'circle', attrs: { cx: num(cx), cy: num(cy), r: num(r) }, children: [] };
    }
    return { tag: 'path', attrs: { d: this.d.join('') }, children: [] };
  }

  fill(): void {
    if (this.d.length === 0) return;
    const node = this.shape();
    Object.assign(node.attrs, this.paint('fill', this.plain(this.fillStyle)));
    this.add(node);
    this.filled = node;
  }

  stroke(): void {
    if (this.d.length === 0) return;
    const joined = this.filled;
    const node = joined ?? this.shape();
    if (!joined) node.attrs.fill = 'none';
    Object.assign(node.attrs, this.strokeAttrs());
    if (!joined) this.add(node);
    this.filled = null;
  }

  clip(): void {
    const id = `clip${this.defs.length + 1}`;
    const shape = this.shape();
    const transform = this.transform();
    if (transform) shape.attrs.transform = transform;
    this.defs.push({ tag: 'clipPath', attrs: { id }, children: [shape] });
    const group: SvgNode = { tag: 'g', attrs: { 'clip-path': `url(#${id})` }, children: [] };
    this.add(group);
    this.open.push(group);
    this.extra.clips += 1;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.add({
      tag: 'rect',
      attrs: {
        x: num(x),
        y: num(y),
        width: num(w),
        height: num(h),
        ...this.paint('fill', this.plain(this.fillStyle)),
      },
      children: [],
    });
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    this.add({
      tag: 'rect',
      attrs: {
        x: num(x),
        y: num(y),
        width: num(w),
        height: num(h),
        fill: 'none',
        ...this.strokeAttrs(),
      },
      children: [],
    });
  }

  fillText(text: string, x: number, y: number): void {
    const baseline = BASELINE[this.textBaseline];
    this.add({
      tag: 'text',
      attrs: {
        x: num(x),
        y: num(y),
        'text-anchor': ANCHOR[this.textAlign],
        ...(baseline ? { 'dominant-baseline': baseline } : {}),
        style: `font: ${this.font}`,
        ...this.paint('fill', this.plain(this.fillStyle)),
      },
      children: [],
      text,
    });
  }

  setLineDash(segments: number[]): void {
    this.extra.dash = [...segments];
  }

  save(): void {
    const { fillStyle, strokeStyle, lineWidth, globalAlpha, lineJoin, lineCap } = this;
    const { font, textAlign, textBaseline, imageSmoothingEnabled } = this;
    const drawing: Drawing = {
      ...{ fillStyle, strokeStyle, lineWidth, globalAlpha, lineJoin, lineCap },
      ...{ font, textAlign, textBaseline, imageSmoothingEnabled },
    };
    this.saved.push({ drawing, extra: { ...this.extra, dash: [...this.extra.dash] } });
    this.extra.clips = 0;
  }

  restore(): void {
    for (let i = 0; i < this.extra.clips; i++) this.open.pop();
    const previous = this.saved.pop();
    if (!previous) return;
    Object.assign(this, previous.drawing);
    this.extra = previous.extra;
  }

  /** Text width in the current font: measured on a canvas where there is one, else estimated
   *  (0.6 em per character). */
  measureText(text: string): { width: number } {
    const ctx = typeof document === 'undefined' ? null : measuring();
    if (ctx) {
      ctx.font = this.font;
      return { width: ctx.measureText(text).width };
    }
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
    return { width: text.length * size * 0.6 };
  }

  translate(x: number, y: number): void {
    const [a, b, c, d, e, f] = this.extra.matrix as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    this.extra.matrix = [a, b, c, d, e + a * x + c * y, f + b * x + d * y];
  }

  rotate(angle: number): void {
    const [a, b, c, d, e, f] = this.extra.matrix as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.extra.matrix = [
      a * cos + c * sin,
      b * cos + d * sin,
      c * cos - a * sin,
      d * cos - b * sin,
      e,
      f,
    ];
  }

  drawImage(image: HTMLCanvasElement, dx: number, dy: number, dw: number, dh: number): void {
    this.add({
      tag: 'image',
      attrs: {
        x: num(dx),
        y: num(dy),
        width: num(dw),
        height: num(dh),
        preserveAspectRatio: 'none',
        ...(this.imageSmoothingEnabled ? {} : { style: 'image-rendering: pixelated' }),
        'xlink:href': image.toDataURL('image/png'),
      },
      children: [],
    });
  }

  group(name: string): void {
    const node: SvgNode = { tag: 'g', attrs: { class: name }, children: [] };
    this.add(node);
    this.open.push(node);
  }

  ungroup(): void {
    if (this.open.length > 1) this.open.pop();
  }

  private add(node: SvgNode): void {
    const alpha = this.globalAlpha;
    if (node.tag !== 'g' && alpha < 1) node.attrs.opacity = num(alpha);
    const transform = this.transform();
    if (node.tag !== 'g' && transform) node.attrs.transform = transform;
    this.open.at(-1)!.children.push(node);
    if (node.tag !== 'g') this.filled = null;
  }

  /** The current transform as an SVG attribute, or null while there is none. */
  private transform(): string | null {
    const m = this.extra.matrix;
    return m.some((v, i) => v !== IDENTITY[i]) ? `matrix(${m.map(num).join(' ')})` : null;
  }

  private paint(property: 'fill' | 'stroke', css: string): Record<string, string> {
    const { hex, opacity } = svgColor(css);
    return opacity < 1 && hex !== 'none'
      ? { [property]: hex, [`${property}-opacity`]: num(opacity) }
      : { [property]: hex };
  }

  private strokeAttrs(): Record<string, string> {
    const { lineWidth, lineJoin, lineCap } = this;
    const { dash } = this.extra;
    return {
      ...this.paint('stroke', this.plain(this.strokeStyle)),
      'stroke-width': num(lineWidth),
      ...(lineJoin !== 'miter' ? { 'stroke-linejoin': lineJoin } : {}),
      ...(lineCap !== 'butt' ? { 'stroke-linecap': lineCap } : {}),
      ...(dash.length > 0 ? { 'stroke-dasharray': dash.map(num).join(' ') } : {}),
    };
  }

  /** The document: a white background (as the page's panels) under what was drawn. */
  toString(): string {
    const { width, height } = this;
    const svg: SvgNode = {
      tag: 'svg',
      attrs: {
        xmlns: 'http://www.w3.org/2000/svg',
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        width: num(width),
        height: num(height),
        viewBox: `0 0 ${num(width)} ${num(height)}`,
      },
      children: [
        ...(this.defs.length > 0 ? [{ tag: 'defs', attrs: {}, children: this.defs }] : []),
        { tag: 'rect', attrs: { width: '100%', height: '100%', fill: '#ffffff' }, children: [] },
        ...this.root.children,
      ],
    };
    return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(svg, '')}\n`;
  }
}
