// The QR code of a link, drawn here (uqr encodes; no service sees the link): the modules with the
// standard's quiet zone, as pixels for a canvas. Error correction is L, raised to M, Q or H when
// the link fits those at the same size (easier to read from a projector at an angle); a link
// longer than the largest QR code holds is said to be too long, with the limit.
import { encode } from 'uqr';

/** Bytes the largest QR code (version 40, 177×177 modules) holds at error correction L in byte
 *  mode, a link's mode. web/test/qr-code.test.ts checks it against the encoder. */
export const QR_MAX_BYTES = 2953;

/** Light modules around the code on each side: the standard's quiet zone, which a scanner
 *  needs to find the code. */
const QUIET_ZONE = 4;

export type QrCode =
  /** `modules[y][x]`: dark or not, quiet zone included; `version` 1–40. */
  | { kind: 'code'; modules: boolean[][]; version: number }
  /** The text's UTF-8 bytes, over QR_MAX_BYTES. */
  | { kind: 'tooLong'; bytes: number };

/** The QR code of `text`, or why it has none. */
export function qrCode(text: string): QrCode {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > QR_MAX_BYTES) return { kind: 'tooLong', bytes };
  try {
    const { data, version } = encode(text, { ecc: 'L', boostEcc: true, border: QUIET_ZONE });
    return { kind: 'code', modules: data, version };
  } catch (error) {
    // Only "Data too long" is expected (the byte count above rules it out for a link).
    if (error instanceof RangeError) return { kind: 'tooLong', bytes };
    throw error;
  }
}

/** The modules as RGBA pixels, `scale` pixels a side each: black on white, opaque. */
export function qrPixels(modules: readonly (readonly boolean[])[], scale: number): ImageDataLike {
  const side = modules.length * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        const start = ((y * scale + dy) * side + x * scale) * 4;
        for (let i = start; i < start + scale * 4; i += 4) data.fill(0, i, i + 3);
      }
    }),
  );
  return { data, width: side, height: side };
}

/** ImageData's fields (ImageData itself exists only in a browser). */
export interface ImageDataLike {
  data: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
}

/** Draws `modules` into `canvas` at `scale` pixels a module (CSS sizes it; styles/share.css
 *  keeps the edges sharp when it scales). */
export function drawQr(
  canvas: HTMLCanvasElement,
  modules: readonly (readonly boolean[])[],
  scale: number,
): void {
  const { data, width, height } = qrPixels(modules, scale);
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(data, width, height), 0, 0);
}
