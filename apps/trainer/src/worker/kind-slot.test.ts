import { describe, expect, it } from 'vitest';
import { KindSlot } from './kind-slot.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('KindSlot', () => {
  it('gives the slot to one holder at a time, first come first served', async () => {
    const slot = new KindSlot();
    const order: string[] = [];
    const first = await slot.acquire();
    expect(slot.taken).toBe(true);
    const inOrder = (name: string) => (release: () => void) => {
      order.push(name);
      return release;
    };
    const second = slot.acquire().then(inOrder('second'));
    const third = slot.acquire().then(inOrder('third'));
    await tick();
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(slot.taken).toBe(false);
  });

  it('ignores a second release of the same turn', async () => {
    const slot = new KindSlot();
    const first = await slot.acquire();
    let got = 0;
    const count = (release: () => void) => {
      got++;
      return release;
    };
    const second = slot.acquire().then(count);
    const third = slot.acquire().then(count);
    first();
    first();
    await tick();
    expect(got).toBe(1);
    (await second)();
    await third;
    expect(got).toBe(2);
    expect(slot.taken).toBe(true);
  });
});
