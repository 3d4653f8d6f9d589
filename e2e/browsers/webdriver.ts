// A WebDriver (classic, W3C) client: the handful of commands the smoke steps use, over fetch.
// WebKitWebDriver speaks this and nothing newer.

/** Longer than any single command should take; a command that takes longer is reported. */
const COMMAND_MS = 60_000;

interface WebDriverReply {
  value: unknown;
}

interface WebDriverError {
  error: string;
  message: string;
}

export class WebDriverClient {
  constructor(private readonly origin: string) {}

  /** Sends one command; rejects with the driver's error, or after COMMAND_MS. */
  async command(method: 'GET' | 'POST' | 'DELETE', path: string, body?: object): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(this.origin + path, {
        method,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(COMMAND_MS),
      });
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`WebDriver ${method} ${path}: ${why}`);
    }
    const reply = (await response.json()) as WebDriverReply;
    if (!response.ok) {
      const { error, message } = reply.value as WebDriverError;
      throw new Error(`WebDriver ${method} ${path}: ${error}: ${message}`);
    }
    return reply.value;
  }

  /** Waits until the driver answers /status (it has just been started). */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await this.command('GET', '/status');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}
