// The Lessons lab (issue 16 part 5): `#lab=lessons` shows the gallery, `&lesson=<id>` one lesson
// beside a playground running its scene, `&custom=<…>` a lecturer's own lesson (custom.ts). A
// link to another lesson swaps the view in place.
import '../../styles/lessons.css';
import { checkScene, loadSceneRules } from '../../engine/scene-rules.ts';
import type { Scene } from '../../scene/index.ts';
import { labHash } from '../lab-hash.ts';
import type { LabContext, MountedLab } from '../lab.ts';
import { LESSONS, lessonById } from './catalogue.ts';
import { GROUPS } from './concepts.ts';
import { decodeCustom } from './custom.ts';
import { showGallery } from './gallery.ts';
import type { Lesson } from './lesson.ts';
import { showLesson, type LessonPage, type ShownLesson } from './lesson-view.ts';

export async function mountLab(root: HTMLElement, context: LabContext): Promise<MountedLab> {
  // Every scene (a lesson's, a link's) is checked by the engine's rules.
  await loadSceneRules();
  const hashOf = (lesson: Lesson) =>
    labHash('lessons', new URLSearchParams({ lesson: lesson.id }), context.embed);
  const gallery = labHash('lessons', undefined, context.embed);
  let shown: ShownLesson | null = null;

  const galleryWith = (message: string | null) => {
    context.say(message);
    showGallery(root, LESSONS, hashOf);
    context.ready();
  };

  const open = (page: LessonPage) => {
    document.title = `${page.title} · Lessons · nn-playground`;
    shown = showLesson(root, page, context.worker, gallery);
    void shown.ready.then(() => context.ready());
  };

  const show = (params: URLSearchParams) => {
    shown?.dispose();
    shown = null;
    root.replaceChildren();
    context.say(null);
    document.title = 'Lessons · nn-playground';
    const custom = params.get('custom');
    const id = params.get('lesson');
    if (custom !== null) {
      const decoded = decodeCustom(custom);
      if (!decoded.ok) {
        galleryWith(decoded.message);
        return;
      }
      const { lesson } = decoded;
      const text = lesson.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
      open({
        title: lesson.title,
        kicker: 'A lecturer’s lesson',
        text,
        scene: lesson.scene,
      });
      return;
    }
    if (id === null || id === '') {
      galleryWith(null);
      return;
    }
    const lesson = lessonById(id);
    if (!lesson) {
      galleryWith(`There is no lesson called "${id}". Pick one of these instead.`);
      return;
    }
    let scene: Scene;
    try {
      scene = checkScene(lesson.scene);
    } catch (error) {
      galleryWith(`The lesson "${id}" cannot open: ${(error as Error).message}.`);
      return;
    }
    const at = LESSONS.indexOf(lesson);
    open({
      title: lesson.title,
      kicker: GROUPS.find((g) => g.id === lesson.group)?.title ?? '',
      text: lesson.text,
      scene,
      lesson,
      pager: { previous: LESSONS[at - 1], next: LESSONS[at + 1], hashOf },
    });
  };

  const onHash = () => {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.get('lab') !== 'lessons') return; // lab-page.ts swaps the lab
    show(params);
    scrollTo(0, 0);
  };
  addEventListener('hashchange', onHash);
  show(context.link.initial);
  return {
    dispose() {
      removeEventListener('hashchange', onHash);
      shown?.dispose();
    },
  };
}
