// How the benchmark scripts launch Debian's Chromium (the same flags as playwright.config.ts):
// Playwright cannot download a browser here, and background networking only meets refused
// connections on this machine's closed network.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
