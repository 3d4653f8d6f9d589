// A lecturer's own lesson: a title, a text and the playground's scene, carried by the link
// (`#lab=lessons&custom=<base64url of {title, text, scene} as JSON>`, the page's own encoding
// from state/url.ts). Reading one never throws: it returns the lesson or what to change.
import type { Scene } from '../../scene/index.ts';
import { fromBase64Url, linkedScene, linkScene, toBase64Url } from '../../state/url.ts';

export interface CustomLesson {
  title: string;
  text: string;
  scene: Scene;
}

/** Limits that keep a link shareable (browsers, chat apps and LMSs cut long addresses). */
export const CUSTOM_LIMITS = { title: 120, text: 4000, link: 60000 } as const;

/** Why a title and text cannot make a lesson, or null if they can. */
export function customProblem(title: string, text: string): string | null {
  if (title.trim() === '') return 'Give the lesson a title.';
  if (title.length > CUSTOM_LIMITS.title)
    return `The title has ${title.length} characters; keep it to ${CUSTOM_LIMITS.title}.`;
  if (text.length > CUSTOM_LIMITS.text)
    return `The text has ${text.length} characters; keep it to ${CUSTOM_LIMITS.text}.`;
  return null;
}

/** The `custom=` value for a lesson (a scene with large rows travels without them, as in a
 *  playground link), or the problem with it. */
export function encodeCustom(
  lesson: CustomLesson,
): { ok: true; value: string } | { ok: false; message: string } {
  const problem = customProblem(lesson.title, lesson.text);
  if (problem !== null) return { ok: false, message: problem };
  const value = toBase64Url(
    JSON.stringify({
      title: lesson.title.trim(),
      text: lesson.text,
      scene: linkedScene(lesson.scene),
    }),
  );
  if (value.length > CUSTOM_LIMITS.link) {
    return {
      ok: false,
      message: `This lesson would make a link of ${value.length} characters (at most ${CUSTOM_LIMITS.link}): shorten the text, or use a scene with fewer of its own points.`,
    };
  }
  return { ok: true, value };
}

/** The lesson a `custom=` value holds, or a message naming what is wrong with the link. */
export function decodeCustom(
  value: string,
): { ok: true; lesson: CustomLesson } | { ok: false; message: string } {
  const refuse = (why: string) => ({
    ok: false as const,
    message: `This custom lesson cannot be opened: ${why}`,
  });
  if (value.length > CUSTOM_LIMITS.link)
    return refuse(
      `its link holds ${value.length} characters, more than the ${CUSTOM_LIMITS.link} a lesson may have. Ask its author for a shorter one.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(value));
  } catch {
    return refuse('the link is damaged (it was cut short or changed). Copy the whole link again.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return refuse('the link does not hold a lesson (expected a title, a text and a scene).');
  const { title, text, scene } = parsed as Record<string, unknown>;
  if (typeof title !== 'string' || typeof text !== 'string')
    return refuse('its title and text must be text.');
  const problem = customProblem(title, text);
  if (problem !== null) return refuse(problem);
  try {
    return { ok: true, lesson: { title, text, scene: linkScene(scene) } };
  } catch (error) {
    return refuse(`its scene was refused: ${(error as Error).message}.`);
  }
}
