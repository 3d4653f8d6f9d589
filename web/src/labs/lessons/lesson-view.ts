// One lesson on screen: its text, the "try this" prompts (ticked off live), the PyTorch lines
// and links to labs on the left; the playground with the lesson's scene on the right; below the
// text, the lecturer's form that turns the playground's current scene into a lesson link.
import type { Playground } from '../../app/mount.ts';
import type { WorkerFactory } from '../../engine/client.ts';
import type { Scene } from '../../scene/index.ts';
import { labHash } from '../lab-hash.ts';
import { CONCEPTS } from './concepts.ts';
import { element } from '../../ui/dom.ts';
import { link } from './dom.ts';
import type { Lesson } from './lesson.ts';
import { showLessonMaker } from './lesson-maker.ts';
import { hostPlayground } from './playground-host.ts';
import { PromptTracker } from './prompt-tracker.ts';

/** What a lesson page shows: a catalogue lesson's parts, or a custom lesson's title and text. */
export interface LessonPage {
  readonly title: string;
  /** The group's title (a catalogue lesson) or "Custom lesson". */
  readonly kicker: string;
  readonly text: readonly string[];
  readonly scene: Scene;
  readonly lesson?: Lesson;
  /** The previous and next lessons' links, in the course's order. */
  readonly pager?: {
    previous: Lesson | undefined;
    next: Lesson | undefined;
    hashOf: (lesson: Lesson) => string;
  };
}

export interface ShownLesson {
  /** Resolves once the playground has drawn its first frame (false: the engine did not load). */
  readonly ready: Promise<boolean>;
  dispose(): void;
}

export function showLesson(
  root: HTMLElement,
  page: LessonPage,
  worker: WorkerFactory,
  gallery: string,
): ShownLesson {
  const layout = element('div', 'lesson-layout');
  const article = element('article', 'lesson-article');
  const host = element('div', 'lesson-playground');
  host.setAttribute('aria-label', 'Playground for this lesson');
  host.setAttribute('role', 'region');
  layout.append(article, host);
  root.append(layout);

  const crumbs = element('p', 'lesson-crumbs');
  crumbs.append(link(gallery, 'All lessons'), ` · ${page.kicker}`);
  article.append(crumbs, element('h1', 'lab-title lesson-title', page.title));
  const { lesson } = page;
  if (lesson) {
    article.append(
      element(
        'p',
        'lesson-concepts',
        `Covers: ${lesson.concepts.map((concept) => CONCEPTS[concept]).join(' · ')}`,
      ),
    );
  }
  for (const paragraph of page.text) article.append(element('p', 'lesson-text', paragraph));
  const promptItems = lesson ? prompts(article, lesson) : null;
  if (lesson) code(article, lesson.pytorch);
  if (lesson?.labs?.length) labs(article, lesson);
  if (page.pager) pager(article, page.pager);

  let playground: Playground | null = null;
  let tracker: PromptTracker | null = null;
  let disposed = false;
  const ready = hostPlayground(host, page.scene, worker).then(async (mounted) => {
    if (mounted === null) return false;
    if (disposed) {
      mounted.dispose();
      return false;
    }
    playground = mounted;
    if (lesson && promptItems) {
      tracker = new PromptTracker(mounted.store, lesson.prompts, (i) => promptItems.markDone(i));
    }
    showLessonMaker(article, () => mounted.store.state.scene, page);
    await mounted.firstFrame;
    return true;
  });
  return {
    ready,
    dispose() {
      disposed = true;
      tracker?.dispose();
      playground?.dispose();
    },
  };
}

/** The "try this" list; markDone(i) ticks prompt i and says so to screen readers. */
function prompts(article: HTMLElement, lesson: Lesson): { markDone(i: number): void } {
  const section = element('section', 'lesson-try');
  const heading = element('h2', 'lesson-heading', 'Try this');
  const note = element(
    'p',
    'lesson-hint',
    'Each item is ticked when the playground shows it done. The learning rate, loss, optimiser and the other settings are in the playground’s training settings, below its figures; the loss curves are beside them.',
  );
  const list = element('ol', 'lesson-prompts');
  const items = lesson.prompts.map((prompt) => {
    const item = element('li', 'lesson-prompt');
    item.dataset.done = 'false';
    const state = element('span', 'lesson-prompt-state', 'to do');
    item.append(element('span', 'lesson-prompt-text', prompt.text), state);
    list.append(item);
    return { item, state };
  });
  const live = element('p', 'visually-hidden');
  live.setAttribute('aria-live', 'polite');
  section.append(heading, note, list, live);
  article.append(section);
  return {
    markDone(i) {
      const entry = items[i];
      if (!entry) return;
      entry.item.dataset.done = 'true';
      entry.state.textContent = '✓ done';
      live.textContent = `Done: ${lesson.prompts[i]!.text}`;
    },
  };
}

function code(article: HTMLElement, pytorch: string): void {
  const section = element('section', 'lesson-code');
  const pre = element('pre', 'lesson-snippet');
  pre.append(element('code', 'language-python', pytorch));
  pre.tabIndex = 0;
  pre.setAttribute('aria-label', 'PyTorch code');
  section.append(element('h2', 'lesson-heading', 'In PyTorch'), pre);
  article.append(section);
}

function labs(article: HTMLElement, lesson: Lesson): void {
  const section = element('section', 'lesson-labs');
  const list = element('ul', 'lesson-lab-list');
  for (const lab of lesson.labs ?? []) {
    const item = element('li', 'lesson-lab');
    item.append(link(labHash(lab.lab), lab.title), `: ${lab.why}`);
    list.append(item);
  }
  section.append(element('h2', 'lesson-heading', 'See it in a lab'), list);
  article.append(section);
}

function pager(article: HTMLElement, { previous, next, hashOf }: NonNullable<LessonPage['pager']>) {
  const nav = element('nav', 'lesson-pager');
  nav.setAttribute('aria-label', 'Other lessons');
  if (previous) nav.append(link(hashOf(previous), `← ${previous.title}`, 'lesson-previous'));
  if (next) nav.append(link(hashOf(next), `${next.title} →`, 'lesson-next'));
  article.append(nav);
}
