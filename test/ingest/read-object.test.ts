import { describe, expect, it } from 'vitest';
import { readObject } from '../../ingest/read-object.js';
import { chunked, collect, errorsOf, eventIds, summarize } from './helpers/collect.js';
import {
  digestFile,
  eventBridgeEvent,
  gz,
  insightRecord,
  jsonLines,
  logFile,
  record,
  records,
  S3_TEST_EVENT,
} from './helpers/fixtures.js';

/** Every way the same bytes can reach readObject: whole fast path, streaming path, a chunked stream. */
const ROUTES = {
  whole: (name: string, body: Buffer) => readObject(name, body),
  streamed: (name: string, body: Buffer) => readObject(name, body, { wholeParseMaxBytes: 0 }),
  'chunked stream': (name: string, body: Buffer) => readObject(name, chunked(body, 7)),
};

describe('readObject: formats', () => {
  describe.each(Object.entries(ROUTES))('via the %s route', (_route, read) => {
    it('yields every record of a gzip CloudTrail log file, then its object-end', async () => {
      // Prepare
      const body = gz(logFile(records(3)));

      // Act
      const items = await collect(
        read('s3://trail/AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20/f.json.gz', body),
      );

      // Assess
      expect(summarize(items)).toEqual([
        'event 0 evt-0',
        'event 1 evt-1',
        'event 2 evt-2',
        'end 3/0',
      ]);
      expect(items.at(-1)).toMatchObject({ kind: 'object-end', bytes: body.length });
    });

    it('reads a plain (ungzipped) log file', async () => {
      const items = await collect(read('f.json', logFile(records(2))));
      expect(summarize(items)).toEqual(['event 0 evt-0', 'event 1 evt-1', 'end 2/0']);
    });

    it('reads one EventBridge event carrying a CloudTrail record in detail', async () => {
      const body = Buffer.from(JSON.stringify(eventBridgeEvent(record(7))));
      const items = await collect(read('event.json', body));
      expect(summarize(items)).toEqual(['event 0 evt-7', 'end 1/0']);
      expect(items[0]).toMatchObject({ kind: 'event', event: { eventName: 'ListUsers' } });
    });

    it('reads an array of EventBridge events, counting the non-CloudTrail one as ignored', async () => {
      // Prepare: sign-in events use their own detail-type; an S3 "Object Created" event is not CloudTrail.
      const events = [
        eventBridgeEvent(record(1)),
        eventBridgeEvent(
          record(2, { eventName: 'ConsoleLogin' }),
          'AWS Console Sign In via CloudTrail',
        ),
        eventBridgeEvent({ bucket: { name: 'b' } }, 'Object Created'),
      ];

      // Act
      const items = await collect(read('events.json', Buffer.from(JSON.stringify(events))));

      // Assess
      expect(summarize(items)).toEqual(['event 0 evt-1', 'event 1 evt-2', 'end 2/0 ignored 1']);
    });

    it('reads JSON Lines of records and of EventBridge events, whatever the file is called', async () => {
      const lines = jsonLines([record(1), eventBridgeEvent(record(2)), record(3)]);
      for (const name of ['export.jsonl', 'export.json', 'export.ndjson']) {
        expect(summarize(await collect(read(name, lines)))).toEqual([
          'event 0 evt-1',
          'event 1 evt-2',
          'event 2 evt-3',
          'end 3/0',
        ]);
      }
    });

    it('reads gzip JSON Lines', async () => {
      const items = await collect(read('export.jsonl.gz', gz(jsonLines([record(1), record(2)]))));
      expect(eventIds(items)).toEqual(['evt-1', 'evt-2']);
    });

    it('lets the other JSON Lines flow past a bad line, ignoring blank lines', async () => {
      // Prepare
      const body = Buffer.from(
        `${JSON.stringify(record(1))}\n\n{"eventName": broken\n${JSON.stringify(record(2))}\n`,
      );

      // Act
      const items = await collect(read('export.jsonl', body));

      // Assess
      expect(summarize(items)).toEqual([
        'event 0 evt-1',
        'error invalid-json @1',
        'event 2 evt-2',
        'end 2/1',
      ]);
      expect(errorsOf(items)[0]?.message).toContain('line 3');
    });

    it('reads a JSON array of bare records, and a single bare record', async () => {
      const array = await collect(read('records.json', Buffer.from(JSON.stringify(records(2)))));
      expect(summarize(array)).toEqual(['event 0 evt-0', 'event 1 evt-1', 'end 2/0']);
      const single = await collect(read('one.json', Buffer.from(JSON.stringify(record(5)))));
      expect(summarize(single)).toEqual(['event 0 evt-5', 'end 1/0']);
    });

    it('reads log files concatenated back to back (zcat *.json.gz > all.json)', async () => {
      const body = Buffer.concat([logFile([record(1)]), logFile([record(2), record(3)])]);
      const items = await collect(read('all.json', body));
      expect(summarize(items)).toEqual([
        'event 0 evt-1',
        'event 1 evt-2',
        'event 2 evt-3',
        'end 3/0',
      ]);
    });

    it('reads a multi-member gzip (cat a.json.gz b.json.gz)', async () => {
      const body = Buffer.concat([gz(logFile([record(1)])), gz(logFile([record(2)]))]);
      expect(eventIds(await collect(read('both.json.gz', body)))).toEqual(['evt-1', 'evt-2']);
    });

    it('skips an S3 test event message', async () => {
      const items = await collect(read('test.json', Buffer.from(JSON.stringify(S3_TEST_EVENT))));
      expect(summarize(items)).toEqual(['skipped s3-test-event']);
    });

    it('skips digest content under a log file name', async () => {
      const items = await collect(read('misnamed.json.gz', gz(digestFile())));
      expect(summarize(items)).toEqual(['skipped cloudtrail-digest']);
    });

    it('skips Insights content under a log file name, and Insights events from EventBridge', async () => {
      const file = await collect(
        read('misnamed.json.gz', gz(logFile([insightRecord(), insightRecord()]))),
      );
      expect(summarize(file)).toEqual(['skipped cloudtrail-insight']);
      const event = eventBridgeEvent(insightRecord(), 'AWS Insight via CloudTrail');
      const bridged = await collect(read('insight.json', Buffer.from(JSON.stringify(event))));
      expect(summarize(bridged)).toEqual(['skipped cloudtrail-insight']);
    });

    it('skips a file of S3 event notifications: their records look like CloudTrail but are not', async () => {
      const notification = {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: 'us-east-1',
            eventTime: '2026-11-20T10:00:00.000Z',
            eventName: 'ObjectCreated:Put',
            s3: { bucket: { name: 'b' }, object: { key: 'k' } },
          },
        ],
      };
      const items = await collect(
        read('notification.json', Buffer.from(JSON.stringify(notification))),
      );
      expect(summarize(items)).toEqual(['skipped not-cloudtrail']);
    });

    it('reads an empty log file as an object with no events', async () => {
      expect(summarize(await collect(read('empty.json.gz', gz(logFile([])))))).toEqual(['end 0/0']);
    });

    it('skips content that is only whitespace, or an empty gzip', async () => {
      expect(summarize(await collect(read('blank.json', Buffer.from(' \n\t'))))).toEqual([
        'skipped empty-object',
      ]);
      expect(summarize(await collect(read('blank.json.gz', gz(''))))).toEqual([
        'skipped empty-object',
      ]);
    });
  });

  describe('classifying by key first', () => {
    /** A body that records whether anyone pulled bytes from it. */
    function untouchedBody() {
      const state = { pulled: false };
      const body = {
        [Symbol.asyncIterator]: async function* () {
          state.pulled = true;
          yield Buffer.from('{}');
        },
      };
      return { body, state };
    }

    it.each([
      [
        's3://trail/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20261120T100000Z.json.gz',
        'cloudtrail-digest',
      ],
      [
        's3://trail/AWSLogs/o-abc123defg/111122223333/CloudTrail-Digest/us-east-1/2026/11/20/x.json.gz',
        'cloudtrail-digest',
      ],
      [
        's3://trail/prefix/AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/11/20/111122223333_CloudTrail-Insight_us-east-1_20261120T1000Z_abc.json.gz',
        'cloudtrail-insight',
      ],
      [
        'logs/AWSLogs/111122223333/CloudTrail-Digest/eu-west-1/2026/11/20/d.json.gz',
        'cloudtrail-digest',
      ],
      ['s3://trail/AWSLogs/111122223333/CloudTrail/', 'directory-marker'],
    ])('skips %s as %s without reading it', async (name, reason) => {
      // Prepare
      const { body, state } = untouchedBody();

      // Act
      const items = await collect(readObject(name, body));

      // Assess
      expect(items).toEqual([
        { kind: 'skipped', source: { object: name }, reason, detail: expect.any(String) },
      ]);
      expect(state.pulled).toBe(false);
    });

    it('reads log files in org-trail and custom-prefix layouts', async () => {
      const body = gz(logFile([record(1)]));
      for (const name of [
        's3://trail/AWSLogs/o-abc123defg/111122223333/CloudTrail/us-east-1/2026/11/20/f.json.gz',
        's3://trail/foo/AWSLogs/111122223333/CloudTrail/us-gov-west-1/2026/11/20/f.json.gz',
      ]) {
        expect(summarize(await collect(readObject(name, body)))).toEqual([
          'event 0 evt-1',
          'end 1/0',
        ]);
      }
    });
  });
});
