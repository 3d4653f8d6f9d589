// WebKit, Safari's engine, as Debian's WebKitGTK: WebKitWebDriver starts the MiniBrowser for a
// WebDriver session. It needs an X display (MiniBrowser's --headless hung here): run under
// xvfb-run, as scripts/with-display.sh does. The locale is the driver's environment, which the
// browser inherits: under LANG=C.UTF-8 navigator.language is "C", an invalid language tag.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { within, type BrowserSession, type PageFunction } from './session.ts';
import { WebDriverClient } from './webdriver.ts';

const DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const START_MS = 60_000;
/** The page's own limits: a load, one script (the steps poll with short scripts). */
const PAGE_MS = 30_000;

/** Starts WebKit under the locale `lang`, e.g. 'en_US.UTF-8' or 'C.UTF-8'. */
export async function launchWebKit(lang: string): Promise<BrowserSession> {
  for (const [file, pkg] of [
    [DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    ['/usr/bin/xvfb-run', 'xvfb'],
  ] as const) {
    if (!existsSync(file)) {
      throw new Error(`WebKit: ${file} is missing (Debian's ${pkg}; bash scripts/setup-system.sh)`);
    }
  }
  if (!process.env.DISPLAY) {
    throw new Error('WebKit: no X display (DISPLAY is unset); run under scripts/with-display.sh');
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: lang };
  delete env.LC_ALL; // which would win over LANG
  const driver = spawn(DRIVER, [`--port=${String(port)}`], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let driverLog = '';
  driver.stderr.on('data', (chunk: Buffer) => (driverLog += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    driver.once('exit', (code, signal) => {
      reject(new Error(`WebKitWebDriver exited (${String(code ?? signal)}): ${driverLog.trim()}`));
    });
  });
  exited.catch(() => undefined); // (reported when a command waits on it)
  const client = new WebDriverClient(`http://127.0.0.1:${String(port)}`);
  try {
    const session = await within(
      START_MS,
      `WebKit: WebKitWebDriver on port ${String(port)} did not start a MiniBrowser session`,
      Promise.race([exited, startSession(client)]),
    );
    return new WebKitSession(client, driver, session.id, `WebKitGTK ${session.version}`);
  } catch (error) {
    await stop(driver);
    throw error;
  }
}

/** A port no one listens on now (the OS's pick), for the driver: checkouts run side by side. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function startSession(client: WebDriverClient): Promise<{ id: string; version: string }> {
  await client.ready(START_MS);
  const reply = (await client.command('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        timeouts: { pageLoad: PAGE_MS, script: PAGE_MS },
      },
    },
  })) as { sessionId: string; capabilities: { browserVersion: string } };
  return { id: reply.sessionId, version: reply.capabilities.browserVersion };
}

/** Ends the driver (and with it the MiniBrowser it started), and waits until it has gone, so
 *  that the next run can take its port. */
async function stop(driver: ChildProcess): Promise<void> {
  if (driver.exitCode !== null || driver.signalCode !== null) return;
  const gone = new Promise((resolve) => driver.once('exit', resolve));
  driver.kill('SIGTERM');
  const kill = setTimeout(() => driver.kill('SIGKILL'), 3000);
  await gone;
  clearTimeout(kill);
}

class WebKitSession implements BrowserSession {
  constructor(
    private readonly client: WebDriverClient,
    private readonly driver: ChildProcess,
    private readonly id: string,
    readonly version: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.client.command('POST', `/session/${this.id}/url`, { url });
  }

  async evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // An async script, so that a promise `fn` returns is awaited; a throw comes back as a value
    // (WebDriver's own "javascript error" would lose the page's message in some drivers).
    const script = `const done = arguments[arguments.length - 1];
      const arg = arguments[0];
      Promise.resolve().then(() => (${fn.toString()})(arg)).then(
        (value) => done({ value: value === undefined ? null : value }),
        (error) => done({ error: String(error && error.stack ? error.message + '\\n' + error.stack : error) }));`;
    const result = (await this.client.command('POST', `/session/${this.id}/execute/async`, {
      script,
      args: [arg],
    })) as { value: R } | { error: string };
    if ('error' in result) throw new Error(`in the page: ${result.error}`);
    return result.value;
  }

  pageErrors(): readonly string[] {
    return [];
  }

  async close(): Promise<void> {
    try {
      await within(
        10_000,
        'WebKit: ending the session',
        this.client.command('DELETE', `/session/${this.id}`),
      );
    } catch {
      // The driver is ended below all the same.
    } finally {
      await stop(this.driver);
    }
  }
}
