import { describe, expect, it } from 'vitest';
import { domainOf, linearScale, niceTicks } from './scale';

describe('chart scales', () => {
  it('maps a domain onto an inverted pixel range', () => {
    const y = linearScale({ min: 0, max: 1 }, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(0.25)).toBe(150);
    expect(y(1)).toBe(0);
  });

  it('picks round ticks', () => {
    expect(niceTicks({ min: 0, max: 1 }, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks({ min: 3, max: 97 }, 4)).toEqual([20, 40, 60, 80]);
  });

  it('pads a domain and widens a single value', () => {
    expect(domainOf([2, 2], 0)).toEqual({ min: 1.5, max: 2.5 });
    const padded = domainOf([0, 10]);
    expect(padded.min).toBeCloseTo(-0.5);
    expect(padded.max).toBeCloseTo(10.5);
  });
});
