// The page: wires the controls to the training worker and draws the latest snapshot on
// requestAnimationFrame. The main thread never trains.
import './style.css';
import { EngineClient } from './engine/client.ts';
import type { FromWorker, PointsMessage, SnapshotMessage } from './engine/protocol.ts';
import { BoundaryView } from './render/boundary.ts';
import { renderDescription } from './render/description.ts';
import { Readouts } from './render/readouts.ts';
import { defaultScene } from './scene.ts';
import { Controls, type EngineStatus } from './ui/controls.ts';
import { byId } from './ui/dom.ts';
import { ErrorBanner } from './ui/error-banner.ts';
import { installSpaceToggle } from './ui/keyboard.ts';

const scene = defaultScene();

/** What the user asked for; the Play button shows it at once, the worker confirms it. */
let wantPlaying = false;
/** The worker has a run loaded and answers requests. */
let ready = false;
/** The most recent snapshot; only this one is ever drawn. */
let latest: SnapshotMessage | null = null;
let points: PointsMessage | null = null;
let frameQueued = false;

const controls = new Controls({ togglePlay, step, reset });
const readouts = new Readouts();
const canvas = byId('boundary', HTMLCanvasElement);
const boundary = new BoundaryView(canvas);
const errors = new ErrorBanner(byId('error', HTMLElement));
const arch = byId('simd-arch', HTMLElement);
const client = new EngineClient(receive);

renderDescription(scene, byId('architecture', HTMLElement), byId('training-details', HTMLElement));
client.load(scene);
installSpaceToggle(() => {
  if (ready) togglePlay();
});
new ResizeObserver(() => {
  if (boundary.fit()) queueFrame();
}).observe(canvas);
boundary.fit();
queueFrame();

function receive(message: FromWorker): void {
  switch (message.type) {
    case 'ready':
      arch.textContent = message.arch;
      break;
    case 'points':
      points = message;
      break;
    case 'snapshot':
      latest = message;
      if (!ready) {
        ready = true;
        controls.setEnabled(true);
      }
      break;
    case 'error':
      wantPlaying = false;
      errors.show(message.message);
      break;
    case 'fatal':
      wantPlaying = false;
      ready = false;
      controls.setEnabled(false);
      errors.show(`The engine crashed (${message.message}). Restarting it with the same scene.`);
      break;
  }
  queueFrame();
}

function togglePlay(): void {
  errors.clear();
  wantPlaying = !wantPlaying;
  if (wantPlaying) client.play();
  else client.pause();
  queueFrame();
}

function step(): void {
  errors.clear();
  wantPlaying = false;
  client.step(1);
  queueFrame();
}

function reset(): void {
  errors.clear();
  wantPlaying = false;
  client.reset();
  queueFrame();
}

function status(): EngineStatus {
  if (client.stopped) return 'stopped';
  if (!ready || !latest) return 'loading';
  return latest.playing ? 'training' : 'paused';
}

function queueFrame(): void {
  if (frameQueued) return;
  frameQueued = true;
  requestAnimationFrame(render);
}

function render(): void {
  frameQueued = false;
  controls.showPlaying(wantPlaying);
  controls.showStatus(status());
  if (latest) readouts.update(latest);
  boundary.draw(latest, points);
}
