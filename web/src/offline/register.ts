// The page's side of the service worker (service-worker.ts, built to dist/sw.js): registered from
// the production build over http(s) only — never by the dev server (which has no sw.js) nor from
// file:// (where browsers have no service workers) — with a relative URL and scope, so it covers
// the playground's own folder and nothing else of the site that hosts it.
import type { FromServiceWorker, ToServiceWorker } from './protocol.ts';

export function serviceWorkerPossible(): boolean {
  return import.meta.env.PROD && location.protocol !== 'file:' && 'serviceWorker' in navigator;
}

/**
 * Registers ./sw.js. `updateWaiting` is called when a new version has installed while this page
 * runs the old one: it waits (the worker never skips waiting) and takes over on the next visit.
 * Null where there is no service worker to register; a failed registration is not the page's
 * problem (it works online without one), so it only logs.
 */
export async function registerServiceWorker(
  updateWaiting: () => void,
): Promise<ServiceWorkerRegistration | null> {
  if (!serviceWorkerPossible()) return null;
  let registration: unknown;
  try {
    registration = await navigator.serviceWorker.register('./sw.js', { scope: './' });
  } catch (error) {
    console.warn('The service worker did not register; the page will not work offline.', error);
    return null;
  }
  // Test automation that blocks service workers (Playwright's) answers with nothing.
  if (!(registration instanceof ServiceWorkerRegistration)) return null;
  // A worker waiting behind the one that controls this page is a new version. (On a first
  // visit nothing controls the page, and the first version activates at once.)
  const check = () => {
    if (registration.waiting && navigator.serviceWorker.controller) updateWaiting();
  };
  const watch = (worker: ServiceWorker | null) => worker?.addEventListener('statechange', check);
  check();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  return registration;
}

/** Sends `message` to the active worker; `hear` gets each answer and returns true at the last. */
export function askServiceWorker(
  worker: ServiceWorker,
  message: ToServiceWorker,
  hear: (answer: FromServiceWorker) => boolean,
): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<FromServiceWorker>) => {
    if (hear(event.data)) channel.port1.close();
  };
  worker.postMessage(message, [channel.port2]);
}
