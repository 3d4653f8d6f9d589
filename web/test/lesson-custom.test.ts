// A lecturer's lesson in a link (web/src/labs/lessons/custom.ts): what is encoded reads back the
// same, with the scene checked by the engine's rules; every bad link gets a message naming what
// to change, never an exception.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../src/engine/scene-rules.ts';
import { CUSTOM_LIMITS, decodeCustom, encodeCustom } from '../src/labs/lessons/custom.ts';
import { defaultScene } from '../src/scene/index.ts';
import { toBase64Url } from '../src/state/url.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

const encode = (value: unknown) => toBase64Url(JSON.stringify(value));

describe('custom lessons', () => {
  it('round-trip their title, text and scene', () => {
    const scene = checkScene({ ...defaultScene(), optimizer: { name: 'Adam', lr: 0.003 } });
    const encoded = encodeCustom({ title: 'Adam, slowly', text: 'One.\n\nTwo: ü ∇', scene });
    if (!encoded.ok) throw new Error(encoded.message);
    const decoded = decodeCustom(encoded.value);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.lesson).toEqual({ title: 'Adam, slowly', text: 'One.\n\nTwo: ü ∇', scene });
  });

  it('refuse a missing title and an overlong text before making a link', () => {
    const scene = defaultScene();
    expect(encodeCustom({ title: '  ', text: '', scene })).toEqual({
      ok: false,
      message: 'Give the lesson a title.',
    });
    const long = 'x'.repeat(CUSTOM_LIMITS.text + 1);
    const refused = encodeCustom({ title: 'T', text: long, scene });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(`keep it to ${CUSTOM_LIMITS.text}`);
  });

  it.each([
    ['not base64url', 'a*b', 'the link is damaged'],
    ['not JSON', toBase64Url('{title'), 'the link is damaged'],
    ['an array', encode([1, 2]), 'does not hold a lesson'],
    ['a numeric title', encode({ title: 3, text: '', scene: {} }), 'title and text must be text'],
    ['too long', 'A'.repeat(CUSTOM_LIMITS.link + 1), `more than the ${CUSTOM_LIMITS.link}`],
    [
      'a bad scene',
      encode({
        title: 'T',
        text: '',
        scene: { ...defaultScene(), optimizer: { name: 'SGD', lr: -1 } },
      }),
      'its scene was refused: scene.optimizer.lr',
    ],
  ])('say what is wrong with a link that is %s', (_what, value, message) => {
    const decoded = decodeCustom(value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.message).toMatch(/^This custom lesson cannot be opened: /);
      expect(decoded.message).toContain(message);
    }
  });
});
