// What an <nn-playground> element asks for, read from its attributes and its inline
// <script type="application/json"> child into the link's shape (state/url.ts LinkState: the
// scene, the controls to hide and to lock), plus its own display options. Bad configuration is
// never thrown: each problem becomes a message saying what to change, and a scene that cannot
// be read falls back to the default scene.
import { defaultScene, type Scene } from '../scene/index.ts';
import { decodeHash, linkScene, type LinkState } from '../state/url.ts';
import { parsePace, type Pace } from '../engine/pace.ts';

export interface ElementConfig extends LinkState {
  /** data-control ids shown but not editable (the link's `&lock=`). */
  lock: string[];
  autoplay: boolean;
  /** How fast Play trains (engine/pace.ts); undefined: the classroom pace, the page's default. */
  pace?: Pace;
  /** The compact layout (plot, Play and the network; data-layout="compact"). */
  compact: boolean;
  /** Scrolled out of view: 'pause' pauses training too (drawing always stops). */
  offscreen: 'draw' | 'pause';
  /** What to change, one line per problem (shown in the error banner). */
  problems: string[];
}

/** The scene file (`src`) is read relative to the page that holds the element. */
type Fetch = (url: string) => Promise<Response>;

/** Reads `host`'s configuration; never throws. */
export async function readConfig(host: HTMLElement, get: Fetch = fetch): Promise<ElementConfig> {
  const problems: string[] = [];
  const attribute = (name: string) => host.getAttribute(name);
  const { scene, hide, lock } = await readScene(host, get, problems);
  return {
    scene,
    hide: [...hide, ...ids('hide', attribute('hide'), problems)],
    lock: [...lock, ...ids('lock', attribute('lock'), problems)],
    autoplay: host.hasAttribute('autoplay'),
    ...pace(attribute('pace'), problems),
    compact: host.hasAttribute('compact'),
    offscreen: offscreen(attribute('offscreen'), problems),
    problems,
  };
}

/** The scene: the inline JSON child, else `src=` (a scene file), else `link=` (a #scene= link,
 *  whose hidden controls come too), else the default. */
async function readScene(
  host: HTMLElement,
  get: Fetch,
  problems: string[],
): Promise<{ scene: Scene; hide: string[]; lock: string[] }> {
  const fallback = { scene: defaultScene(), hide: [], lock: [] };
  const inline = host.querySelector(':scope > script[type="application/json"]');
  const src = host.getAttribute('src');
  const link = host.getAttribute('link');
  const given = [inline && 'an inline JSON scene', src && 'src', link && 'link'].filter(Boolean);
  if (given.length > 1) {
    problems.push(`<nn-playground>: give one scene, not ${given.join(' and ')}; using the first.`);
  }
  try {
    if (inline) {
      return { scene: linkScene(parseJson(inline.textContent, 'inline')), hide: [], lock: [] };
    }
    if (src) return { scene: linkScene(await fetchJson(src, get)), hide: [], lock: [] };
    if (link) {
      const at = link.indexOf('#');
      const contents = decodeHash(at >= 0 ? link.slice(at) : link);
      if (contents.kind === 'none') throw new Error('the link holds no scene (#scene=…)');
      return {
        scene: contents.scene,
        hide: contents.hide,
        lock: contents.kind === 'scene' ? (contents.lock ?? []) : [],
      };
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    const where = inline ? 'its inline JSON scene' : src ? `src="${src}"` : `link="${link}"`;
    problems.push(`<nn-playground> ${where}: ${why}. Showing the default scene instead.`);
  }
  return fallback;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${where} is not JSON (${why})`);
  }
}

async function fetchJson(src: string, get: Fetch): Promise<unknown> {
  const url = new URL(src, document.baseURI).href;
  let response: Response;
  try {
    response = await get(url);
  } catch {
    throw new Error(`could not fetch ${url}`);
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return parseJson(await response.text(), url);
}

/** data-control ids, separated by commas or spaces (as `&hide=` takes them). */
function ids(name: string, value: string | null, problems: string[]): string[] {
  if (value === null) return [];
  const list = value.split(/[\s,]+/).filter((id) => id !== '');
  const bad = list.filter((id) => !/^[A-Za-z0-9]+$/.test(id));
  if (bad.length > 0) {
    problems.push(
      `<nn-playground ${name}>: ${bad.map((id) => `"${id}"`).join(', ')} is not a control id ` +
        '(letters and digits, e.g. playButton, learningRate, dataset).',
    );
  }
  return list.filter((id) => !bad.includes(id));
}

/** `pace`: "classroom", "fast" or epochs per second (engine/pace.ts parsePace). */
function pace(value: string | null, problems: string[]): Pick<ElementConfig, 'pace'> {
  if (value === null) return {};
  try {
    return { pace: parsePace(value) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    problems.push(`<nn-playground pace="${value}">: ${why}.`);
    return {};
  }
}

function offscreen(value: string | null, problems: string[]): ElementConfig['offscreen'] {
  if (value === null || value === 'draw') return 'draw';
  if (value === 'pause') return 'pause';
  problems.push(`<nn-playground offscreen="${value}">: expected "pause" (or leave it out).`);
  return 'draw';
}
