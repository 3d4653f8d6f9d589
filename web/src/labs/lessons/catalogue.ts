// Every lesson, in the course's order (concepts.ts GROUPS): the gallery lists them and
// `#lab=lessons&lesson=<id>` opens one.
import { GROUPS, type GroupId } from './concepts.ts';
import type { Lesson } from './lesson.ts';
import { DESCENT_LESSONS } from './lessons-descent.ts';
import { GENERALISATION_LESSONS } from './lessons-generalisation.ts';
import { LOSS_LESSONS } from './lessons-losses.ts';
import { NETWORK_LESSONS } from './lessons-network.ts';

const ALL = [...LOSS_LESSONS, ...DESCENT_LESSONS, ...NETWORK_LESSONS, ...GENERALISATION_LESSONS];
const order = (group: GroupId) => GROUPS.findIndex((g) => g.id === group);

/** Every lesson, grouped in the course's order (stable within a group). */
export const LESSONS: readonly Lesson[] = ALL.map((lesson, i) => ({ lesson, i }))
  .sort((a, b) => order(a.lesson.group) - order(b.lesson.group) || a.i - b.i)
  .map(({ lesson }) => lesson);

/** The lesson with this id, or undefined. */
export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
