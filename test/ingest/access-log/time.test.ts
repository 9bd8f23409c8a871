import { describe, expect, it } from 'vitest';
import { parseAccessLogTime } from '../../../ingest/access-log/time.js';

describe('parseAccessLogTime', () => {
  it.each([
    ['06/Feb/2019:00:00:38 +0000', '2019-02-06T00:00:38.000Z'],
    ['29/Feb/2024:23:59:59 +0000', '2024-02-29T23:59:59.000Z'],
    ['01/Jan/2024:00:30:00 +0100', '2023-12-31T23:30:00.000Z'],
    ['31/Dec/2023:22:00:00 -0230', '2024-01-01T00:30:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseAccessLogTime(text)).toBe(iso);
  });

  it.each([
    '29/Feb/2023:00:00:00 +0000',
    '00/Jan/2024:00:00:00 +0000',
    '14/Foo/2024:00:00:00 +0000',
    '14/May/2024:00:60:00 +0000',
    '14/May/2024:00:00:00 +1500',
    '14/May/2024:00:00:00 +0060',
    '14/May/2024 00:00:00 +0000',
    '2024-05-14T00:00:00Z',
    '',
  ])('refuses %j', (text) => {
    expect(parseAccessLogTime(text)).toBeUndefined();
  });
});
