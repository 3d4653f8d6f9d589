// The lessons' gallery: every lesson as a card (title and one line), grouped in the course's
// order, each opening `#lab=lessons&lesson=<id>`.
import { GROUPS } from './concepts.ts';
import { element } from '../../ui/dom.ts';
import { link } from './dom.ts';
import type { Lesson } from './lesson.ts';

/** Fills `root` with the gallery; `hashOf` gives each lesson's link. */
export function showGallery(
  root: HTMLElement,
  lessons: readonly Lesson[],
  hashOf: (lesson: Lesson) => string,
): void {
  root.append(
    element('h1', 'lab-title', 'Lessons'),
    element(
      'p',
      'lessons-intro',
      'One lesson per idea of the course, in the order the lectures take them. Each opens a ready playground beside a short explanation, a few things to try (ticked off as you do them) and the PyTorch code.',
    ),
    element(
      'p',
      'lessons-intro',
      'Lecturers: open any lesson, set the playground up as you want it, and use “make a lesson from this playground” below its text to share your own lesson as a link.',
    ),
  );
  GROUPS.forEach((group, g) => {
    const inGroup = lessons.filter((lesson) => lesson.group === group.id);
    if (inGroup.length === 0) return;
    const section = element('section', 'lessons-group');
    const headingId = `lessons-group-${group.id}`;
    section.setAttribute('aria-labelledby', headingId);
    const heading = element('h2', 'lessons-group-title', `${g + 1}. ${group.title}`);
    heading.id = headingId;
    const list = element('ul', 'lessons-cards');
    for (const lesson of inGroup) {
      const item = element('li', 'lessons-card');
      item.dataset.lesson = lesson.id;
      item.dataset.concepts = lesson.concepts.join(' ');
      const title = link(hashOf(lesson), lesson.title, 'lessons-card-link');
      item.append(title, element('p', 'lessons-card-summary', lesson.summary));
      list.append(item);
    }
    section.append(heading, list);
    root.append(section);
  });
}
