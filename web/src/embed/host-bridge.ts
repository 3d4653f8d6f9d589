// The message API's door: listens to window 'message' events and answers only pages whose
// origin the embedder listed (`&origins=`, or the element's attribute). Without a list the API
// stays off (no listener at all). A message from another origin, or one that is not a request
// of this protocol, is ignored and counted, never thrown: a course page runs other scripts that
// post messages too. The page's events go to its parent when the parent's origin is listed, and
// to every window that has sent an accepted request.
import type { EmbedController } from './controller.ts';
import {
  parseMessage,
  posted,
  PROTOCOL_VERSION,
  type BridgeStatus,
  type IgnoredReason,
  type PageEvent,
  type Reply,
  type Request,
  type RequestId,
} from './protocol.ts';

/** A window that sent us a request, at its origin. */
interface Host {
  window: MessageEventSource;
  origin: string;
}

/** The origin of the page that frames this one, when the browser tells it (Chromium and Safari
 *  by location.ancestorOrigins, others by the referrer), else null. */
export function parentOrigin(win: Window): string | null {
  if (win.parent === win) return null;
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors && ancestors.length > 0) return ancestors.item(0);
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

export class HostBridge {
  private readonly hosts: Host[] = [];
  private accepted = 0;
  private readonly ignored: Record<IgnoredReason, number> = {
    origin: 0,
    shape: 0,
    version: 0,
    type: 0,
    arguments: 0,
  };
  private lastIgnored: string | null = null;

  /** Starts listening on `win` when `origins` lists any; returns null (the API off) otherwise. */
  static start(
    win: Window,
    origins: readonly string[],
    controller: EmbedController,
  ): HostBridge | null {
    return origins.length > 0 ? new HostBridge(win, origins, controller) : null;
  }

  private constructor(
    win: Window,
    private readonly origins: readonly string[],
    private readonly controller: EmbedController,
  ) {
    const parent = parentOrigin(win);
    if (parent !== null && origins.includes(parent)) {
      this.hosts.push({ window: win.parent, origin: parent });
    }
    win.addEventListener('message', (event) => this.receive(event));
    controller.watch((pageEvent) => this.tell(pageEvent));
  }

  status(): BridgeStatus {
    return {
      version: PROTOCOL_VERSION,
      origins: [...this.origins],
      status: this.controller.metrics().status,
      accepted: this.accepted,
      ignored: { ...this.ignored },
      lastIgnored: this.lastIgnored,
    };
  }

  private receive(event: MessageEvent): void {
    if (!this.origins.includes(event.origin)) {
      this.ignore('origin', `a message from ${event.origin || 'an unknown origin'}`);
      return;
    }
    const parsed = parseMessage(event.data);
    if (parsed.kind === 'ignored') {
      this.ignore(parsed.reason, parsed.detail);
      return;
    }
    const source = event.source;
    if (!source) return;
    this.accepted += 1;
    const host = { window: source, origin: event.origin };
    if (!this.hosts.some((h) => h.window === source && h.origin === host.origin)) {
      this.hosts.push(host);
    }
    if (parsed.kind === 'invalid') {
      this.reply(host, { type: 'reply', id: parsed.id, ok: false, error: parsed.error });
      return;
    }
    let reply: Reply | null = null;
    try {
      const result = this.handle(parsed.request);
      if (parsed.id !== undefined) reply = this.answer(parsed.id, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (parsed.id !== undefined)
        reply = { type: 'reply', id: parsed.id, ok: false, error: message };
    }
    if (reply) this.reply(host, reply);
  }

  private answer(id: RequestId, result: unknown): Reply {
    return { type: 'reply', id, ok: true, result };
  }

  /** Does what `request` asks (the controller's operations); what it returns is the result
   *  (null for a command). */
  private handle(request: Request): unknown {
    const c = this.controller;
    switch (request.type) {
      case 'loadScene':
        c.loadScene(request.scene);
        return null;
      case 'play':
      case 'pause':
      case 'step':
      case 'reset':
        c[request.type]();
        return null;
      case 'setHyperparameters':
        return c.setHyperparameters(request.values);
      case 'getMetrics':
        return c.metrics();
      case 'getScene':
        return c.scene();
      case 'status':
        return this.status();
    }
  }

  private ignore(reason: IgnoredReason, detail: string): void {
    this.ignored[reason] += 1;
    this.lastIgnored = `${reason}: ${detail}`;
  }

  private reply(host: Host, reply: Reply): void {
    this.post(host, reply);
  }

  private tell(event: PageEvent): void {
    for (const host of this.hosts) this.post(host, event);
  }

  private post(host: Host, message: object): void {
    try {
      (host.window as Window).postMessage(posted(message), host.origin);
    } catch {
      // A host window gone (its page navigated away) or a value that cannot be cloned: the
      // page goes on.
    }
  }
}
