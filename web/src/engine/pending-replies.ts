// The page's requests that the worker answers with a value (saveModel, testPredictions): each
// is a promise, settled by the reply with its id whichever run the page has moved to since, and
// rejected if the worker is replaced or the page closes before it answers.

export class PendingReplies<T> {
  private readonly waiting = new Map<
    number,
    { resolve: (value: T) => void; reject: (error: Error) => void }
  >();
  private nextId = 0;

  /** `failure` begins the message of every rejection ("Not saved"). */
  constructor(private readonly failure: string) {}

  /** Sends a request with a new id (`send(id)`) and returns the promise its reply settles. */
  ask(send: (id: number) => void): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      send(id);
    });
  }

  /** The reply to request `id`: its value, or why the worker could not give it. */
  settle(id: number, reply: { value: T } | { error: string }): void {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if ('value' in reply) waiting?.resolve(reply.value);
    else waiting?.reject(new Error(reply.error));
  }

  /** Rejects every request still waiting: no reply will come. */
  abandon(why: string): void {
    for (const { reject } of this.waiting.values()) reject(new Error(`${this.failure}: ${why}`));
    this.waiting.clear();
  }
}
