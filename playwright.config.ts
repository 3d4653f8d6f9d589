// End-to-end tests against `vite preview` of the production build in web/dist
// (build it first: `npx vite build web`). Uses Debian's Chromium; Playwright cannot download one.
import { defineConfig } from '@playwright/test';

// PW_PORT lets several checkouts run their end-to-end tests side by side.
const port = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  reporter: 'list',
  timeout: 120_000,
  // One test at a time: the training tests measure speed and responsiveness on a 2-core machine.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    // The build registers a service worker (web/src/offline/); page.route() cannot see what it
    // answers, and a test should not depend on what an earlier page cached. The offline specs
    // allow it for themselves.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // node + the bin file (not npx), so the process Playwright stops is the server itself.
    command: `node node_modules/.bin/vite preview web --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
