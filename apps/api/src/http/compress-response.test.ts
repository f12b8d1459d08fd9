import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './compress-response.js';

describe('chooseEncoding', () => {
  it('prefers br when asked, else gzip, else nothing', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('identity')).toBeNull();
  });

  it('honours q=0 as a refusal', () => {
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('gzip;q=0, *;q=1')).toBeNull();
    expect(chooseEncoding('*, gzip;q=0')).toBeNull();
  });
});
