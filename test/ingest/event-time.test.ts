import { describe, expect, it } from 'vitest';
import {
  EARLIEST_EVENT_TIME,
  eventTimeProblem,
  eventTimeRange,
  parseInstant,
} from '../../ingest/event-time.js';
import { fromEventBridge } from '../../ingest/eventbridge.js';
import { readObject } from '../../ingest/read-object.js';
import type { IngestItem } from '../../ingest/types.js';
import { collect, summarize } from './helpers/collect.js';
import { eventBridgeEvent, gz, jsonLines, logFile, record } from './helpers/fixtures.js';

/** The reading clock every case here runs at. */
const NOW = Date.parse('2026-11-21T12:00:00Z');
const clock = () => NOW;
const RANGE = eventTimeRange(NOW);

const stopLogging = (n: number, eventTime: string) =>
  record(n, {
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    eventTime,
    requestParameters: { name: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' },
  });

describe('eventTimeProblem', () => {
  it.each([
    '2026-11-20T10:00:00Z',
    '2026-11-20T10:00:00.123Z',
    '2026-11-20T10:00:00.123456789Z',
    '2026-11-20T11:00:00+01:00',
    '2026-11-20T05:00:00-05:00',
    '2024-02-29T00:00:00Z',
    '2005-01-01T00:00:00Z',
    // Exactly a day past the clock: the allowed skew.
    '2026-11-22T12:00:00Z',
  ])('accepts %s', (value) => {
    expect(eventTimeProblem(value, RANGE)).toBeUndefined();
  });

  it.each([
    ['+275760-09-13T00:00:00Z', 'not an ISO-8601 date-time'],
    ['275760-09-13T00:00:00.000Z', 'not an ISO-8601 date-time'],
    ['-000001-01-01T00:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-11-20T10:00:00', 'not an ISO-8601 date-time'],
    ['2026-11-20 10:00:00Z', 'not an ISO-8601 date-time'],
    ['yesterday', 'not an ISO-8601 date-time'],
    ['', 'not an ISO-8601 date-time'],
    ['2026-02-30T00:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-02-29T00:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-04-31T00:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-13-01T00:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-11-20T24:00:00Z', 'not an ISO-8601 date-time'],
    ['2026-11-20T23:59:60Z', 'not an ISO-8601 date-time'],
    ['2026-11-20T10:00:00+24:00', 'not an ISO-8601 date-time'],
    ['2004-12-31T23:59:59Z', 'before 2005-01-01'],
    ['1970-01-01T00:00:00Z', 'before 2005-01-01'],
    ['2026-11-22T12:00:01Z', 'later than 2026-11-22T12:00:00.000Z'],
    ['2099-01-01T00:00:00Z', 'later than 2026-11-22T12:00:00.000Z'],
    ['9999-12-31T23:59:59Z', 'later than'],
  ])('refuses %j', (value, reason) => {
    expect(eventTimeProblem(value, RANGE)).toContain(reason);
  });

  it('quotes an attacker-written value safely, cut short', () => {
    const problem = eventTimeProblem(`\u202e${'9'.repeat(500)}`, RANGE);
    expect(problem).toContain('"\\u202e999');
    expect(problem?.length).toBeLessThan(250);
  });

  it('starts the range in 2005 and ends it a day after the clock', () => {
    expect(RANGE).toEqual({
      earliest: EARLIEST_EVENT_TIME,
      latest: NOW + 24 * 3600 * 1000,
    });
    expect(new Date(EARLIEST_EVENT_TIME).toISOString()).toBe('2005-01-01T00:00:00.000Z');
  });
});

describe('parseInstant', () => {
  it('reads every valid form as Date.parse does, across a century of instants', () => {
    // An odd step (about 3.7 days and some ms) visits every month, leap days and times of day.
    const step = 3.7 * 86_400_000 + 12_345;
    const mismatches: string[] = [];
    let i = 0;
    for (let ms = EARLIEST_EVENT_TIME; ms < Date.UTC(2100, 0, 1); ms += step, i++) {
      const iso = new Date(ms).toISOString();
      const fraction = String(i * 7919)
        .padStart(9, '0')
        .slice(0, 1 + (i % 9));
      for (const form of [
        iso,
        `${iso.slice(0, 19)}Z`,
        `${iso.slice(0, 19)}.${fraction}Z`,
        `${iso.slice(0, 23)}+05:30`,
        `${iso.slice(0, 19)}-08:00`,
        `${iso.slice(0, 10)}t${iso.slice(11, 19)}z`,
      ]) {
        if (parseInstant(form) !== Date.parse(form)) mismatches.push(form);
      }
    }
    expect(i).toBeGreaterThan(9000);
    expect(mismatches).toEqual([]);
  });
});

describe('records with an event time out of range', () => {
  const errorOf = (items: IngestItem[]) => items.find((item) => item.kind === 'error');

  it.each([
    ['at the end of Date range', '+275760-09-13T00:00:00Z'],
    ['at the end of Date range, no sign', '275760-09-13T00:00:00.000Z'],
    ['in 2099', '2099-01-01T00:00:00Z'],
    ['before CloudTrail', '1999-12-31T23:59:59Z'],
  ])(
    'reports a record dated %s with its file, index and reason; the next one flows',
    async (_case, eventTime) => {
      // Prepare: the poison record first, a real StopLogging after it.
      const file = gz(logFile([stopLogging(1, eventTime), stopLogging(2, '2026-11-20T10:00:00Z')]));

      // Act: both the whole-parse path and the streaming one.
      const whole = await collect(readObject('logs/a.json.gz', file, { clock }));
      const streamed = await collect(
        readObject('logs/a.json.gz', file, { clock, wholeParseMaxBytes: 0 }),
      );

      // Assess
      for (const items of [whole, streamed]) {
        expect(summarize(items)).toEqual(['error invalid-record @0', 'event 1 evt-2', 'end 1/1']);
        const error = errorOf(items);
        expect(error?.kind === 'error' && error.error.message).toMatch(
          /^logs\/a\.json\.gz record 0: invalid CloudTrail record: eventTime .+/,
        );
        expect(error?.kind === 'error' && error.error.source).toEqual({
          object: 'logs/a.json.gz',
          record: 0,
        });
      }
    },
  );

  it('judges future dates by the injected clock, not the machine clock', async () => {
    const file = jsonLines([stopLogging(1, '2027-06-01T00:00:00Z')]);
    const early = await collect(readObject('a.jsonl', file, { clock }));
    const later = await collect(
      readObject('a.jsonl', file, { clock: () => Date.parse('2027-06-01T00:00:00Z') }),
    );
    expect(summarize(early)).toEqual(['error invalid-record @0', 'end 0/1']);
    expect(summarize(later)).toEqual(['event 0 evt-1', 'end 1/0']);
  });

  it('refuses the same records on the exhaustive (zod) path', async () => {
    const file = gz(
      logFile([stopLogging(1, '2099-01-01T00:00:00Z'), stopLogging(2, '2026-11-20T10:00:00Z')]),
    );
    const items = await collect(readObject('a.json.gz', file, { clock, exhaustive: true }));
    expect(summarize(items)).toEqual(['error invalid-record @0', 'event 1 evt-2', 'end 1/1']);
  });

  it('refuses them on the EventBridge path too', () => {
    const items = fromEventBridge(
      [
        eventBridgeEvent(stopLogging(1, '2099-01-01T00:00:00Z')),
        eventBridgeEvent(stopLogging(2, '2026-11-20T10:00:00Z')),
      ],
      { object: 'eventbridge:batch' },
      { clock },
    );
    expect(summarize(items)).toEqual(['error invalid-record @0', 'event 1 evt-2', 'end 1/1']);
  });
});
