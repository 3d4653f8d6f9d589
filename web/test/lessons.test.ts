// The lessons' catalogue (web/src/labs/lessons): every concept of the course has a lesson, every
// lesson's scene passes the engine's own scene rules (checkScene, the real wasm module), and the
// ids, groups and prompts are well formed.
import { describe, expect, it } from 'vitest';
import { checkScene } from '../src/engine/scene-rules.ts';
import { LESSONS, lessonById } from '../src/labs/lessons/catalogue.ts';
import { CONCEPT_IDS, GROUPS } from '../src/labs/lessons/concepts.ts';
import { RunHistory } from '../src/render/history.ts';
import { withSceneRules } from './scene-rules.ts';

withSceneRules();

describe('the lessons', () => {
  it('cover every concept of the course', () => {
    const covered = new Set(LESSONS.flatMap((lesson) => lesson.concepts));
    const missing = CONCEPT_IDS.filter((concept) => !covered.has(concept));
    expect(missing).toEqual([]);
  });

  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: its scene passes checkScene',
    (_id, lesson) => {
      expect(() => checkScene(lesson.scene)).not.toThrow();
    },
  );

  it.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
    '%s: no prompt is done before the student acts',
    (_id, lesson) => {
      const state = {
        scene: checkScene(lesson.scene),
        snapshot: null,
        history: new RunHistory(''),
      };
      expect(lesson.prompts.filter((prompt) => prompt.done(state)).map((p) => p.text)).toEqual([]);
    },
  );

  it('have unique ids, two or three prompts, text and a PyTorch snippet', () => {
    const ids = LESSONS.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lesson of LESSONS) {
      expect(lessonById(lesson.id)).toBe(lesson);
      expect(lesson.prompts.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(lesson.prompts.length, lesson.id).toBeLessThanOrEqual(3);
      expect(lesson.text.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.pytorch, lesson.id).toMatch(/torch|nn\./);
    }
  });

  it('come in the course’s order of groups', () => {
    const order = LESSONS.map((lesson) => GROUPS.findIndex((g) => g.id === lesson.group));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(GROUPS.length);
  });
});
