// The little the cross-browser smoke steps and the engine benchmark need of a browser, whichever
// protocol drives it: puppeteer (Chromium over CDP, Firefox over WebDriver BiDi) or WebDriver
// classic (WebKit's MiniBrowser). The steps are written once against this.

/** A function run in the page. It travels as source text, so it must be self-contained (no
 *  imports, no outer variables); its argument and result travel as JSON. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface BrowserSession {
  /** The browser and its version as it reports them: "Firefox 153.8.0". */
  readonly version: string;
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (awaiting a promise) and returns its result. */
  evaluate<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** What the page threw or logged as an error since the last goto, where the protocol reports
   *  it (WebDriver classic does not: WebKit's list stays empty, and the page's own messages —
   *  the start-up check's, #error — are what tells). */
  pageErrors(): readonly string[];
  /** Ends the browser and whatever was started for it (a driver, its display's clients). */
  close(): Promise<void>;
}

/** A browser to run: how the report names it, how to start it, what it should run. */
export interface Engine {
  /** "WebKit (LANG=C.UTF-8)". */
  readonly name: string;
  /** The footer's #simd-arch the page should show in this engine: 'wasm/4+madd' where relaxed
   *  SIMD runs (core-fma.wasm), 'wasm/4' where it does not (core.wasm, the fallback). */
  readonly arch: string;
  /** The navigator.language the page should see, where the run is about it ("C" for WebKit
   *  under LANG=C.UTF-8: a run that did not get it tests nothing). */
  readonly language?: string;
  launch(): Promise<BrowserSession>;
}

/** Rejects with `message` when `promise` takes longer than `ms`: a browser that hangs (WebKit's
 *  did, headless) ends the run with a message instead of holding `npm test` forever. */
export async function within<T>(ms: number, message: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${message} (no answer within ${String(ms / 1000)} s)`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
