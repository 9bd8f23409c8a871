import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/io.js';
import { isoInstant, relativeTime, windowTime } from '../../cli/time-arg.js';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

describe('relative times', () => {
  it.each([
    ['now', '2026-11-20T12:00:00Z'],
    ['30s', '2026-11-20T11:59:30Z'],
    ['90m', '2026-11-20T10:30:00Z'],
    ['24h', '2026-11-19T12:00:00Z'],
    ['-24h', '2026-11-19T12:00:00Z'],
    ['7d', '2026-11-13T12:00:00Z'],
    ['2w', '2026-11-06T12:00:00Z'],
  ])('%s is %s', (value, instant) => {
    expect(isoInstant(relativeTime(value, NOW) as number)).toBe(instant);
  });

  it.each(['24', 'h', '24y', '1.5h', 'yesterday', '2026-11-20'])(
    'leaves %j to the caller',
    (value) => {
      expect(relativeTime(value, NOW)).toBeUndefined();
    },
  );
});

describe('window times for investigate', () => {
  it('turns a relative form into an instant and leaves ISO times as given', () => {
    expect(windowTime('--since', '6h', NOW)).toBe('2026-11-20T06:00:00Z');
    expect(windowTime('--since', '2026-11-19', NOW)).toBe('2026-11-19');
    expect(windowTime('--until', '2026-11-20T09:00:00+02:00', NOW)).toBe(
      '2026-11-20T09:00:00+02:00',
    );
  });

  it('refuses anything else, naming the flag and the forms it takes', () => {
    expect(() => windowTime('--since', 'last tuesday', NOW)).toThrow(UsageError);
    expect(() => windowTime('--since', 'last tuesday', NOW)).toThrow(
      /--since must be an ISO-8601 time .* or a time before now \(90m, 24h, 7d, 2w; units s m h d w\) or now \(got "last tuesday"\)/,
    );
  });
});
