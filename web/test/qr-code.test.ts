// The QR code of a link (ui/qr-code.ts): what it draws decodes (jsQR, an independent decoder) to
// the link, and the length limit it states is the encoder's own.
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrCode, qrPixels, QR_MAX_BYTES } from '../src/ui/qr-code.ts';

/** The text jsQR reads from `modules` drawn at `scale`, or null. */
function decoded(modules: boolean[][], scale: number): string | null {
  const { data, width, height } = qrPixels(modules, scale);
  return jsQR(data, width, height)?.data ?? null;
}

describe('qrCode', () => {
  it('draws a code that decodes to the link', () => {
    const link =
      'http://127.0.0.1:4173/index.html#scene=eyJmb3JtYXQiOiJubi1wbGF5Z3JvdW5kL3NjZW5lQDEi' +
      'LCJzZWVkIjoxfQ&hide=seed,noise';
    const code = qrCode(link);
    if (code.kind !== 'code') throw new Error('no code');
    // The quiet zone: 4 light modules on every side.
    const size = code.modules.length;
    for (const edge of [code.modules[0]!, code.modules[size - 1]!, code.modules.map((r) => r[3])]) {
      expect(edge.every((dark) => !dark)).toBe(true);
    }
    expect(decoded(code.modules, 3)).toBe(link);
  });

  it('draws the largest code a link may have, and says a longer link is too long', () => {
    const longest = `http://h/#scene=${'a'.repeat(QR_MAX_BYTES - 16)}`;
    const code = qrCode(longest);
    expect(code).toMatchObject({ kind: 'code', version: 40 });
    if (code.kind === 'code') expect(decoded(code.modules, 2)).toBe(longest);
    expect(qrCode(`${longest}b`)).toEqual({ kind: 'tooLong', bytes: QR_MAX_BYTES + 1 });
    // The limit is the encoder's: one byte more does not fit the largest code at any level.
    expect(() => encode('a'.repeat(QR_MAX_BYTES + 1), { ecc: 'L' })).toThrow('Data too long');
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(Math.floor(QR_MAX_BYTES / 2) + 1);
    expect(qrCode(text)).toEqual({ kind: 'tooLong', bytes: 2 * text.length });
  });
});
