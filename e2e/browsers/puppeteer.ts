// Chromium and Firefox through puppeteer-core, which downloads nothing: Debian's Chromium over the
// DevTools protocol, Debian's Firefox ESR over WebDriver BiDi (no geckodriver needed).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import type { BrowserSession, PageFunction } from './session.ts';

const FIREFOX = '/usr/bin/firefox-esr';
/** Longer than any single thing the steps ask of the page: a load, one evaluate. */
const COMMAND_MS = 30_000;

export function launchChromium(): Promise<BrowserSession> {
  // Chromium refuses to run as root with its sandbox (Playwright adds this flag by itself).
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const args = [...chromiumLaunchOptions.args, ...asRoot];
  return launch('Chromium', () =>
    puppeteer.launch({
      ...chromiumLaunchOptions,
      args,
      headless: true,
      protocolTimeout: COMMAND_MS,
    }),
  );
}

export function launchFirefox(): Promise<BrowserSession> {
  return launch('Firefox', () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      protocolTimeout: COMMAND_MS,
    }),
  );
}

async function launch(name: string, start: () => Promise<Browser>): Promise<BrowserSession> {
  const binary = name === 'Firefox' ? FIREFOX : chromiumLaunchOptions.executablePath;
  if (!existsSync(binary)) {
    throw new Error(`${name}: ${binary} is missing; bash scripts/setup-system.sh installs it`);
  }
  const browser = await start();
  try {
    const page = await browser.newPage();
    page.setDefaultNavigationTimeout(COMMAND_MS);
    // "HeadlessChrome/143.0.7499.169", "firefox/153.8.0": the number after the slash.
    const version = `${name} ${(await browser.version()).split('/').pop() ?? '?'}`;
    return new PuppeteerSession(browser, page, version);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

class PuppeteerSession implements BrowserSession {
  private errors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    readonly version: string,
  ) {
    page.on('pageerror', (error) => {
      this.errors.push(`page error: ${error instanceof Error ? error.message : String(error)}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console error: ${message.text()}`);
    });
  }

  async goto(url: string): Promise<void> {
    this.errors = [];
    await this.page.goto(url, { waitUntil: 'load' });
  }

  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R> {
    // (puppeteer types arguments that may be element handles; these are plain JSON)
    return this.page.evaluate(fn as (arg: unknown) => unknown, arg) as Promise<R>;
  }

  pageErrors(): readonly string[] {
    return this.errors;
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
