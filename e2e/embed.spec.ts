// Embedding (issue 13, docs/embedding.md): the compact view (&embed=1), locked controls
// (&lock=), the postMessage API from a host page on another origin (&origins=), and the
// "Copy embed code" dialog.
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, expectEngine, openPaused, readNumber, screenshot } from './helpers.ts';
import { failOnPageProblems } from './page-problems.ts';
import { defaultScene } from '../web/src/scene/index.ts';

const PORT = Number(process.env.PW_PORT ?? 4173);
/** The playground, as the host pages name it (127.0.0.1: another origin than localhost). */
const APP = `http://127.0.0.1:${PORT}`;
/** The host page's origin, listed in the iframe's &origins=. */
const HOST = `http://localhost:${PORT + 10}`;
/** A page on an origin the iframe does not list, framed inside the host page: the same server
 *  by another name, so the test needs one port. */
const FOREIGN = `http://127.0.0.1:${PORT + 10}`;

const SCENE = `scene=${Buffer.from(JSON.stringify(defaultScene())).toString('base64url')}`;

failOnPageProblems(test);

test('&embed=1 shows the plot, the run buttons and the network, and nothing else', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 480, height: 520 });
  await openPaused(page, `/index.html#${SCENE}&embed=1`);
  await expect(page.locator('html')).toHaveAttribute('data-layout', 'compact');
  for (const shown of ['#boundary', '#play', '#step', '#reset', '#network-diagram', '#epoch']) {
    await expect(page.locator(shown)).toBeVisible();
  }
  for (const gone of [
    '.masthead',
    '.footer',
    '#data-panel',
    '.panel.charts',
    '#training-controls',
    '#speed',
    '#step-epoch',
    '#reseed',
    '#network-top',
    '#network-inspector',
    '#embed-code',
  ]) {
    await expect(page.locator(gone)).toBeHidden();
  }
  // The plot and the whole diagram show in the frame without scrolling.
  for (const selector of ['#boundary', '.net-surface']) {
    /** "fits", or where the element's bottom-right corner is. */
    const fits = async () => {
      const box = await page.locator(selector).boundingBox();
      if (!box) return 'no box';
      const corner = [box.x + box.width, box.y + box.height];
      return corner[0]! <= 480 && corner[1]! <= 520
        ? 'fits'
        : `${selector} at ${corner.join(', ')}`;
    };
    // After the layout settles (a ResizeObserver scales the diagram).
    await expect.poll(fits).toBe('fits');
  }
  // Nothing wider than the frame.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
  const full = page.getByRole('link', { name: 'Open full playground ↗' });
  await expect(full).toHaveAttribute('target', '_blank');
  const href = (await full.getAttribute('href')) ?? '';
  expect(href).toContain(`${APP}/index.html#${SCENE}`);
  expect(href).not.toContain('embed=1');
  // The compact page still trains.
  await page.locator('#play').click();
  await expect.poll(() => readNumber(page, '#epoch')).toBeGreaterThan(0);
  await page.locator('#play').click();
  await expectEngine(page, 'paused');
  await page.mouse.move(0, 0);
  await screenshot(page, testInfo, 'embed-compact.png');
  // An embedded page adds no history entries for a change (they would take over the host
  // page's Back button); its hash still follows.
  const entries = await page.evaluate(() => history.length);
  const hash = await page.evaluate(() => location.hash);
  await page.locator('.net-input[aria-pressed="false"]').first().click();
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hash);
  expect(await page.evaluate(() => location.hash)).toContain('&embed=1');
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

test('locked controls stay visible, disabled and marked, for the mouse and the keyboard', async ({
  page,
}) => {
  await openPaused(page, `/#${SCENE}&lock=playButton,learningRate,dataset,noFooBar`);
  const play = page.locator('#play');
  await expect(play).toBeVisible();
  await expect(play).toBeDisabled();
  await expect(play).toHaveAttribute('aria-disabled', 'true');
  await expect(play).toHaveAttribute('title', 'Locked for this exercise');
  await expect(play.locator('.lock-mark')).toHaveCount(1);
  expect(await axeViolations(page, 'section.train')).toEqual([]);
  const lr = page.locator('[data-control="learningRate"]');
  await expect(lr).toBeVisible();
  await expect(lr.locator('input').first()).toBeDisabled();
  // Space does not play; S (not locked) still steps.
  await page.locator('body').press('Space');
  await page.waitForTimeout(400);
  await expectEngine(page, 'paused');
  expect(await readNumber(page, '#step-count')).toBe(0);
  await page.locator('body').press('s');
  await expect.poll(() => readNumber(page, '#step-count')).toBe(1);
  // A locked button something re-enabled still does nothing (the guard stops its click).
  await play.evaluate((button: HTMLButtonElement) => (button.disabled = false));
  await play.dispatchEvent('click');
  await page.waitForTimeout(400);
  await expectEngine(page, 'paused');
  // A locked dataset picker changes nothing when clicked.
  await page.locator('#dataset-gallery [data-dataset="xor"]').click({ force: true });
  await expect(page.locator('#dataset-gallery [data-dataset="circle"]')).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // A new run rebuilds the panels and the diagram: the locks stay.
  await page.locator('#reseed').click();
  await expect(page.locator('#seed')).not.toHaveValue(String(defaultScene().seed));
  await expect(lr.locator('input').first()).toBeDisabled();
  await expect(play).toBeDisabled();
  // The link keeps the locks.
  expect(await page.evaluate(() => location.hash)).toContain('&lock=playButton,learningRate');
});

test('a bad link parameter is ignored with a note, the page still opens', async ({ page }) => {
  await openPaused(page, `/#${SCENE}&lock=a-b&origins=*&embed=yes`);
  const note = page.locator('#note');
  await expect(note).toBeVisible();
  await expect(note).toContainText('Parts of this link were ignored');
  await expect(note).toContainText('lock: "a-b" is not a control id');
  await expect(note).toContainText('origins: "*" would let any site drive the page');
  await expect(note).toContainText('embed: expected 1');
});

// ---- the message API ------------------------------------------------------------------------

/** The host page: frames the playground and the foreign page; keeps every message it gets. */
const HOST_PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<title>course page</title>
<iframe id="app" width="560" height="520"
  src="${APP}/index.html#${SCENE}&embed=1&origins=${HOST}"></iframe>
<iframe id="foreign" width="200" height="60" src="${FOREIGN}/foreign.html"></iframe>
<script>
  window.received = [];
  addEventListener('message', (event) => {
    if (event.origin === '${APP}') window.received.push(event.data);
    if (event.origin === '${FOREIGN}') window.foreignSaid = event.data;
  });
  window.send = (message) =>
    document.getElementById('app').contentWindow.postMessage(message, '${APP}');
  window.reply = (id) => window.received.find((m) => m.type === 'reply' && m.id === id);
</script>`;

/** The foreign page: when its parent says so, it posts requests into the playground's frame. */
const FOREIGN_PAGE = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<title>someone else</title>
<script>
  addEventListener('message', (event) => {
    if (event.data !== 'go') return;
    parent.frames[0].postMessage({ nnp: 1, type: 'play', id: 'foreign' }, '*');
    parent.frames[0].postMessage({ nnp: 1, type: 'reset' }, '*');
    parent.postMessage('sent', '*');
  });
</script>`;

/** What the host page's script gives the test. */
interface HostWindow {
  received: { type: string }[];
  foreignSaid?: string;
  send: (message: unknown) => void;
  reply: (id: unknown) => unknown;
}

function serve(port: number, pages: Record<string, string>): Promise<Server> {
  const server = createServer((request, response) => {
    const page = pages[request.url ?? ''];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  });
  // Every interface: localhost may resolve to ::1 or 127.0.0.1.
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}

let server: Server;
test.beforeAll(async () => {
  server = await serve(PORT + 10, { '/host.html': HOST_PAGE, '/foreign.html': FOREIGN_PAGE });
});
test.afterAll(() => server.close());

/** The messages of `type` the host page received. */
const received = (page: Page, type: string) =>
  page.evaluate(
    (t) => (window as unknown as HostWindow).received.filter((m) => m.type === t),
    type,
  );

/** Sends `message` from the host page and waits for the reply to its id. */
async function request(page: Page, message: Record<string, unknown>): Promise<unknown> {
  await page.evaluate((m) => (window as unknown as HostWindow).send(m), message);
  let reply: unknown;
  await expect
    .poll(async () => {
      reply = await page.evaluate((id) => (window as unknown as HostWindow).reply(id), message.id);
      return reply !== undefined;
    })
    .toBe(true);
  return reply;
}

test('a host page on another origin drives the iframe by postMessage', async ({ page }) => {
  // localhost resolves to the IPv4 server above.
  await page.goto(`${HOST}/host.html`);
  const frame = page.frameLocator('#app');
  await expect(frame.locator('body')).toHaveAttribute('data-engine', 'paused', {
    timeout: 20_000,
  });
  await expect.poll(async () => (await received(page, 'ready')).length).toBe(1);

  expect(await request(page, { nnp: 1, type: 'play', id: 1 })).toEqual({
    nnp: 1,
    type: 'reply',
    id: 1,
    ok: true,
    result: null,
  });
  await expect.poll(async () => (await received(page, 'epochEnd')).length).toBeGreaterThan(2);
  const metrics = (await request(page, { nnp: 1, type: 'getMetrics', id: 2 })) as {
    result: { epoch: number; train: { loss: number; accuracy: number }; status: string };
  };
  expect(metrics.result.epoch).toBeGreaterThan(0);
  expect(metrics.result.train.loss).toBeGreaterThan(0);
  expect(metrics.result.status).toBe('training');
  await request(page, { nnp: 1, type: 'pause', id: 3 });
  await expect(frame.locator('body')).toHaveAttribute('data-engine', 'paused');

  // A live setting, and a bad one refused with the scene check's message.
  const lr = (await request(page, {
    nnp: 1,
    type: 'setHyperparameters',
    id: 4,
    values: { lr: 0.01 },
  })) as { ok: boolean; result: { lr: number } };
  expect(lr).toMatchObject({ ok: true, result: { lr: 0.01 } });
  const bad = (await request(page, {
    nnp: 1,
    type: 'setHyperparameters',
    id: 5,
    values: { lr: -3 },
  })) as { ok: boolean; error: string };
  expect(bad.ok).toBe(false);
  expect(bad.error).toMatch(/^scene\.optimizer\.lr/);

  // A new scene, and a bad one refused with its message; neither adds a history entry to the
  // host page (the iframe's entries would take over its Back button).
  const entries = await page.evaluate(() => history.length);
  const scene = { ...defaultScene(), seed: 7 };
  expect(await request(page, { nnp: 1, type: 'loadScene', id: 'scene', scene })).toMatchObject({
    ok: true,
  });
  expect(await request(page, { nnp: 1, type: 'getScene', id: 'get' })).toMatchObject({
    ok: true,
    result: { seed: 7 },
  });
  const refused = (await request(page, {
    nnp: 1,
    type: 'loadScene',
    id: 'bad',
    scene: { ...scene, seed: -1 },
  })) as { ok: boolean; error: string };
  expect(refused.ok).toBe(false);
  expect(refused.error).toMatch(/^scene\.seed/);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // Malformed messages are ignored (no reply), and counted.
  await page.evaluate(() => {
    const { send } = window as unknown as HostWindow;
    send('play');
    send({ nnp: 2, type: 'play', id: 90 });
    send({ nnp: 1, type: 'fly', id: 91 });
  });
  // A page on an origin the iframe does not list posts into it: ignored and counted.
  await page.evaluate(() => {
    const foreign = document.getElementById('foreign') as HTMLIFrameElement;
    foreign.contentWindow!.postMessage('go', '*');
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as HostWindow).foreignSaid))
    .toBe('sent');
  const status = (await request(page, { nnp: 1, type: 'status', id: 6 })) as {
    result: { ignored: Record<string, number>; accepted: number; origins: string[] };
  };
  expect(status.result.origins).toEqual([HOST]);
  expect(status.result.ignored).toEqual({
    origin: 2,
    shape: 1,
    version: 1,
    type: 1,
    arguments: 0,
  });
  expect(await page.evaluate(() => (window as unknown as HostWindow).reply(90))).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as HostWindow).reply(91))).toBeUndefined();
  expect(
    await page.evaluate(() => (window as unknown as HostWindow).reply('foreign')),
  ).toBeUndefined();
  await expect(frame.locator('body')).toHaveAttribute('data-engine', 'paused');
  // The foreign play did nothing: the new scene's run has not taken a step.
  expect(await request(page, { nnp: 1, type: 'getMetrics', id: 7 })).toMatchObject({
    ok: true,
    result: { status: 'paused', epoch: 0, step: 0 },
  });
});

test('Copy embed code gives both snippets with the scene and its hidden and locked controls', async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP });
  await openPaused(page, `/#${SCENE}&hide=noise&lock=learningRate`);
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this scene' });
  await expect(dialog).toBeVisible();
  const iframe = dialog.locator('#embed-iframe-code');
  const element = dialog.locator('#embed-element-code');
  await expect(iframe).toHaveValue(
    new RegExp(
      `^<iframe src="${APP}/index\\.html#${SCENE}&amp;hide=noise&amp;lock=learningRate&amp;embed=1" `,
    ),
  );
  await expect(element).toHaveValue(
    `<script type="module" src="${APP}/nn-playground.js"></script>\n` +
      `<nn-playground link="#${SCENE}" hide="noise" lock="learningRate" compact></nn-playground>`,
  );
  // Choosing in the dialog changes the snippets (not the page).
  await dialog.getByText('Controls to hide or lock').click();
  await dialog.getByRole('checkbox', { name: 'Lock playButton' }).check();
  await dialog.getByRole('checkbox', { name: 'Hide noise' }).uncheck();
  await dialog.getByRole('textbox', { name: /Host pages/ }).fill('https://moodle.example.edu');
  await expect(iframe).toHaveValue(
    /&amp;lock=learningRate,playButton&amp;embed=1&amp;origins=https:\/\/moodle\.example\.edu"/,
  );
  await expect(element).toHaveValue(/ lock="learningRate,playButton" compact>/);
  await expect(element).not.toHaveValue(/hide=/);
  expect(await axeViolations(page, '.embed-dialog')).toEqual([]);
  await screenshot(dialog, testInfo, 'embed-code.png');
  await dialog.getByRole('button', { name: 'Copy' }).first().click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await iframe.inputValue());
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#play')).toBeEnabled(); // the page's own locks are unchanged
});
