// For lecturers: a lesson of their own from the playground's current scene, a title and a text,
// shared as a link (custom.ts). Below the lesson's text, folded away until opened.
import type { Scene } from '../../scene/index.ts';
import { labHash } from '../lab-hash.ts';
import { CUSTOM_LIMITS, encodeCustom } from './custom.ts';
import { element } from '../../ui/dom.ts';

let made = 0;

/** Appends the form to `article`; `scene` reads the playground's scene when the link is made,
 *  `start` fills the fields (the lesson shown, as a starting point). */
export function showLessonMaker(
  article: HTMLElement,
  scene: () => Scene,
  start: { title: string; text: readonly string[] },
): void {
  const n = ++made;
  const details = element('details', 'lesson-maker');
  const summary = element(
    'summary',
    'lesson-maker-summary',
    'For lecturers: make a lesson from this playground',
  );
  const form = element('form', 'lesson-maker-form');
  const titleId = `lesson-maker-title-${n}`;
  const textId = `lesson-maker-text-${n}`;
  const titleLabel = element('label', '', 'Title');
  titleLabel.htmlFor = titleId;
  const title = element('input', 'lesson-maker-title');
  title.id = titleId;
  title.maxLength = CUSTOM_LIMITS.title;
  title.value = start.title;
  const textLabel = element('label', '', 'Text for students (a blank line starts a paragraph)');
  textLabel.htmlFor = textId;
  const text = element('textarea', 'lesson-maker-text');
  text.id = textId;
  text.rows = 5;
  text.value = start.text.join('\n\n');
  const make = element('button', 'lesson-maker-make', 'Make the link');
  make.type = 'submit';
  const output = element('input', 'lesson-maker-link');
  output.readOnly = true;
  output.hidden = true;
  output.setAttribute('aria-label', 'The lesson’s link');
  const copy = element('button', 'lesson-maker-copy', 'Copy');
  copy.type = 'button';
  copy.hidden = true;
  const status = element('p', 'lesson-maker-status');
  status.setAttribute('role', 'status');
  const intro = element(
    'p',
    'lesson-hint',
    'The link carries the playground’s current settings (change them first), your title and your text.',
  );
  form.append(intro, titleLabel, title, textLabel, text, make, output, copy, status);
  details.append(summary, form);
  article.append(details);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const encoded = encodeCustom({ title: title.value, text: text.value, scene: scene() });
    if (!encoded.ok) {
      output.hidden = copy.hidden = true;
      status.textContent = encoded.message;
      return;
    }
    const hash = labHash('lessons', new URLSearchParams({ custom: encoded.value }));
    output.value = new URL(hash, location.href).href;
    output.hidden = copy.hidden = false;
    status.textContent = 'Your lesson’s link is ready: copy it, or open it to check.';
    output.select();
  });
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(output.value).then(
      () => (status.textContent = 'Copied.'),
      () => {
        output.select();
        status.textContent =
          'Copying was refused by the browser: the link is selected, copy it by hand.';
      },
    );
  });
}
