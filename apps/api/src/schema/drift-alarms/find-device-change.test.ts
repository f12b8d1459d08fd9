import { describe, expect, it } from 'vitest';
import { findDeviceChange } from './find-device-change.js';

const capture = (source: string, device: string, day: string) => ({
  source,
  device,
  firstCapturedAt: new Date(`${day}T12:00:00Z`),
});

describe('findDeviceChange', () => {
  it('finds the first source to image with a new device after the reference months', () => {
    const captures = [
      capture('site-a', 'DermLite', '2025-01-03'),
      capture('site-b', 'FotoFinder', '2025-01-05'),
      capture('site-b', 'Heine phone', '2025-09-02'),
      capture('site-a', 'Canfield', '2025-11-20'),
      // A source that starts after the reference: its first device is no change.
      capture('site-c', 'Canfield', '2025-06-01'),
    ];
    expect(findDeviceChange(captures, '2025-03', '2025-12')).toEqual({
      source: 'site-b',
      device: 'Heine phone',
      month: '2025-09',
    });
    expect(findDeviceChange(captures, '2025-09', '2025-12')).toMatchObject({
      source: 'site-a',
      month: '2025-11',
    });
    // Beyond the report's last month, or inside the reference: not this report's change.
    expect(findDeviceChange(captures, '2025-03', '2025-08')).toBeNull();
    expect(
      findDeviceChange(
        [capture('s', 'x', '2025-01-01'), capture('s', 'y', '2025-02-01')],
        '2025-03',
        '2025-12',
      ),
    ).toBeNull();
  });
});
