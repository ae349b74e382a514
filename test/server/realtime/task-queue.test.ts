import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../../server/realtime/task-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('a room’s task queue', () => {
  it('starts a task at once when idle, and runs later ones only after it', async () => {
    const queue = new TaskQueue();
    const seen: string[] = [];
    const first = queue.run(async () => {
      seen.push('first starts');
      await tick();
      seen.push('first ends');
    });
    expect(seen).toEqual(['first starts']); // in the caller's turn
    const second = queue.run(async () => void seen.push('second'));
    await Promise.all([first, second]);
    expect(seen).toEqual(['first starts', 'first ends', 'second']);
  });

  it('puts a task queued by another as it starts behind that one', async () => {
    const queue = new TaskQueue();
    const seen: string[] = [];
    let nested: Promise<void> | undefined;
    await queue.run(async () => {
      nested = queue.run(async () => void seen.push('queued from inside'));
      await tick();
      seen.push('outer ends');
    });
    await nested;
    expect(seen).toEqual(['outer ends', 'queued from inside']);
  });

  it('hands a failure to its caller and carries on with the next task', async () => {
    const queue = new TaskQueue();
    const failing = queue.run(async () => {
      throw new Error('refused');
    });
    const next = queue.run(async () => {});
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBeUndefined();
    await queue.idle();
  });
});
