// The time from navigation to the page's ready mark (READY_MARK: the worker's first snapshot drawn
// with the run buttons enabled), read without touching the page while it loads: Playwright's
// waitForFunction would inject and run its own script on the page's main thread, polling, during
// the very load it times (about 20 ms of main-thread CPU, and tasks between the page's own). A
// small init script observes the mark and logs it to the console instead.
export const READY_MARK = 'nnp:engine-ready'; // web/src/render/page-frame.ts
const SAYS = 'nnp-bench-ready ';

/** Call before page.goto: resolves with the mark's startTime (ms after navigation) and its time
 *  on the machine's clock (`at`, ms since the epoch: what a local server's Date.now() compares
 *  with, to tell the requests before the mark from those after). */
export async function readyTime(page, timeout = 60_000) {
  await page.addInitScript(`new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === ${JSON.stringify(READY_MARK)})
        console.debug(${JSON.stringify(SAYS)} + entry.startTime + ' ' + (performance.timeOrigin + entry.startTime));
  }).observe({ type: 'mark' });`);
  const message = page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(SAYS),
    timeout,
  });
  return async () => {
    const [ms, at] = (await message).text().slice(SAYS.length).split(' ').map(Number);
    return { ms, at };
  };
}
