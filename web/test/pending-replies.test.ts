// The page's requests answered with a value (engine/pending-replies.ts): each reply settles its
// own request by id; what is still waiting when the worker goes is rejected with the reason.
import { describe, expect, it } from 'vitest';
import { PendingReplies } from '../src/engine/pending-replies.ts';

describe('PendingReplies', () => {
  it('settles each request by its id, in any order', async () => {
    const replies = new PendingReplies<string>('Not saved');
    const sent: number[] = [];
    const first = replies.ask((id) => sent.push(id));
    const second = replies.ask((id) => sent.push(id));
    expect(new Set(sent).size).toBe(2);
    replies.settle(sent[1]!, { value: 'two' });
    replies.settle(sent[0]!, { error: 'no scene is loaded yet' });
    await expect(second).resolves.toBe('two');
    await expect(first).rejects.toThrow(/^no scene is loaded yet$/);
    // A reply to nothing asked (or answered twice) is ignored.
    expect(() => replies.settle(sent[1]!, { value: 'again' })).not.toThrow();
  });

  it('rejects what is still waiting when abandoned, naming the reason', async () => {
    const replies = new PendingReplies<number>('No predictions');
    const waiting = replies.ask(() => {});
    replies.abandon('the engine failed (trap)');
    await expect(waiting).rejects.toThrow('No predictions: the engine failed (trap)');
  });
});
