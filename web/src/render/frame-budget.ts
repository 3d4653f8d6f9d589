// The animation frames of every playground on a page, shared: each frame runs the draws asked
// for since the last one, oldest first, until the frame's budget is spent; the rest run in the
// next frame, first. One playground's draws fit a frame as before, and six <nn-playground>
// elements on a course page take turns instead of each drawing in every frame and together
// missing every frame's deadline. Page-wide on purpose (one main thread, one frame clock).

/** Milliseconds of drawing per frame before the rest waits: half a 60 Hz frame, the other half
 *  left for style, layout and paint. */
const BUDGET_MS = 8;

let queue: (() => void)[] = [];
let scheduled = false;

/** Runs `draw` in the next frame with room for it (once, however often it is asked). */
export function drawInFrame(draw: () => void): void {
  if (!queue.includes(draw)) queue.push(draw);
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(runFrame);
}

function runFrame(): void {
  scheduled = false;
  const due = queue;
  // Draws asked for from within this frame's go to the next one.
  queue = [];
  const start = performance.now();
  let ran = 0;
  // At least one draw a frame, so a draw larger than the budget still runs.
  while (ran < due.length && (ran === 0 || performance.now() - start < BUDGET_MS)) {
    due[ran]!();
    ran += 1;
  }
  const late = due.slice(ran);
  if (late.length === 0 && queue.length === 0) return;
  queue = [...late, ...queue.filter((draw) => !late.includes(draw))];
  scheduled = true;
  requestAnimationFrame(runFrame);
}
