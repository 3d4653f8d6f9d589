// The page when its link opens a lab (`#lab=<id>`; main.ts decides): the playground's markup
// gives way to a header with every lab and a link back to the playground, and the lab mounts
// below it. `&embed=1` leaves the header out. Another lab's link (a hash change) swaps the lab;
// the playground's link reloads the page as the playground.
import '../styles/labs.css';
import type { WorkerFactory } from '../engine/client.ts';
import { labHash, labIdOf } from './lab-hash.ts';
import type { LabContext, LabEntry, MountedLab } from './lab.ts';
import { LABS, labById } from './registry.ts';
import { element } from '../ui/dom.ts';

function header(current: string): HTMLElement {
  const bar = element('header', 'lab-header');
  const home = element('a', 'lab-home', 'nn-playground');
  home.href = '#';
  const nav = element('nav', 'lab-nav');
  nav.setAttribute('aria-label', 'Labs');
  const index = element('a', 'lab-link', 'All labs');
  index.href = labHash('');
  if (current === '') index.setAttribute('aria-current', 'page');
  nav.append(index);
  for (const lab of LABS) {
    const link = element('a', 'lab-link', lab.title);
    link.href = labHash(lab.id);
    if (lab.id === current) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  bar.append(home, nav);
  return bar;
}

/** The labs' index: every lab with its summary (also what an unknown id shows, after a message). */
function labIndex(root: HTMLElement, unknown: string | null): void {
  const title = element('h1', 'lab-title', 'Labs');
  root.append(title);
  if (unknown !== null) {
    root.append(
      element('p', 'lab-banner', `There is no lab called "${unknown}". Pick one of these instead.`),
    );
  }
  const list = element('ul', 'lab-index');
  for (const lab of LABS) {
    const item = element('li', 'lab-index-item');
    const link = element('a', 'lab-link', lab.title);
    link.href = labHash(lab.id);
    item.append(link, element('p', 'lab-summary', lab.summary));
    list.append(item);
  }
  root.append(list);
}

function context(root: HTMLElement, worker: WorkerFactory, embed: boolean, id: string): LabContext {
  const banner = element('p', 'lab-banner');
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  root.before(banner);
  return {
    worker,
    embed,
    link: {
      initial: new URLSearchParams(location.hash.slice(1)),
      write(settings) {
        history.replaceState(null, '', labHash(id, settings, embed));
      },
    },
    ready() {
      document.body.dataset.engine = 'ready';
    },
    say(message) {
      banner.hidden = message === null;
      banner.textContent = message ?? '';
    },
  };
}

async function mount(lab: LabEntry, root: HTMLElement, worker: WorkerFactory, embed: boolean) {
  try {
    const module = await lab.load();
    return await module.mountLab(root, context(root, worker, embed, lab.id));
  } catch (error) {
    root.replaceChildren(
      element('p', 'lab-banner', `The lab could not start: ${(error as Error).message}`),
    );
    document.body.dataset.engine = 'stopped';
    return null;
  }
}

let current: { id: string; mounted: MountedLab | null } | null = null;

/** Replaces the page's content with lab `id` ('' for the index). */
export async function startLab(id: string, worker: WorkerFactory): Promise<void> {
  if (current === null) {
    // Another lab (or the index): swap in place; the playground: load the page as the playground.
    addEventListener('hashchange', () => {
      const next = labIdOf(location.hash);
      if (current === null || next === current.id) return;
      current.mounted?.dispose();
      if (next === null) location.reload();
      else void startLab(next, worker);
    });
  }
  current = { id, mounted: null };
  const embed = new URLSearchParams(location.hash.slice(1)).get('embed') === '1';
  document.body.replaceChildren();
  document.body.classList.add('lab-page');
  document.body.classList.toggle('lab-embedded', embed);
  if (!embed) document.body.append(header(id));
  const root = element('main', 'lab');
  document.body.append(root);
  const lab = labById(id);
  if (lab === undefined) {
    labIndex(root, id === '' ? null : id);
    document.title = 'Labs · nn-playground';
    document.body.dataset.engine = 'ready';
    return;
  }
  root.dataset.lab = lab.id;
  document.title = `${lab.title} · nn-playground`;
  const mounted = await mount(lab, root, worker, embed);
  if (current.id === id) current.mounted = mounted;
  else mounted?.dispose();
}
