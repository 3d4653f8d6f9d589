// A picture to export: its size in CSS pixels and the view's drawing of it on any Surface. The
// same drawing gives the PNG (on a canvas at PNG_SCALE times the device's pixels) and the SVG
// (on an SvgSurface).
import type { Surface } from '../../render/surface.ts';
import { SvgSurface } from './svg-surface.ts';

export interface Picture {
  /** Names the file ("decision-boundary"). */
  name: string;
  width: number;
  height: number;
  draw(surface: Surface): void;
}

/** PNG pixels per CSS pixel: twice the screen's device pixels, and never fewer than 2, so a
 *  picture stays sharp on a projector or in a printed report. */
export function pngScale(devicePixelRatio = globalThis.devicePixelRatio || 1): number {
  return Math.max(2, 2 * devicePixelRatio);
}

export function pictureSvg(picture: Picture): string {
  const svg = new SvgSurface(picture.width, picture.height);
  picture.draw(svg);
  return svg.toString();
}

/** The picture as a PNG on a white background (as the page's panels). */
export function picturePng(picture: Picture, scale = pngScale()): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser cannot draw on a 2-D canvas'));
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, picture.width, picture.height);
  picture.draw(ctx);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))),
      'image/png',
    ),
  );
}
