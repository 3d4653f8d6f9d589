// dist/ hosted under a sub-path of a course site: the page loads, trains and opens the shipped
// datasets from there, and neither it, its workers nor its service worker sends one request to
// another origin or outside its folder (an absolute '/assets/…' would escape it).
import { expect, test, type Request } from '@playwright/test';
import { exercisePage } from './csp.ts';
import { tile } from './helpers.ts';
import { extraPort, startStaticServer, SUB_PATH, type StaticServer } from './static-server.ts';

test.use({ serviceWorkers: 'allow' });

let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer({ port: extraPort(0) });
});
test.afterAll(() => server.close());

test('the build works under a sub-path and asks nothing of any other place', async ({
  page,
  context,
}) => {
  const strays: string[] = [];
  const check = (request: Request) => {
    if (!request.url().startsWith(server.url)) strays.push(request.url());
  };
  // The context hears the page's, its workers' and its service worker's requests.
  context.on('request', check);

  await exercisePage(page, server.url);
  for (const name of ['real:digits', 'real:fashion']) {
    await tile(page, name).click();
    await expect(page.locator('#dataset-panel')).toBeVisible();
    await expect(page.locator('body')).toHaveAttribute('data-engine', 'paused', {
      timeout: 60_000,
    });
  }
  await expect(page.locator('#error')).toBeHidden();

  expect(strays).toEqual([]);
  // The server's own log agrees (it answers 404 outside the sub-path) and shows the files came
  // from the sub-path: the worker chunk, both engines' glue, a dataset.
  expect(server.requests.filter((path) => !path.startsWith(SUB_PATH))).toEqual([]);
  for (const file of [
    /assets\/worker-[^/]+\.js$/,
    /assets\/core[^/]*\.wasm$/,
    /data\/fashion-train\.nnpd$/,
  ])
    expect(server.requests.some((path) => file.test(path))).toBe(true);
});
