import { describe, expect, it } from 'vitest';
import { cloudtrailLoggingStopped } from '../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { lazyReaderFor } from '../../detectors/record-filter.js';
import { DEFAULT_SETTINGS } from '../../detectors/types.js';
import { CloudTrailEventSchema } from '../../ingest/cloudtrail-event.js';
import { readObject } from '../../ingest/read-object.js';
import { cloudTrailEvent } from '../helpers/events.js';
import { collect } from './helpers/collect.js';
import { gz, logFile } from './helpers/fixtures.js';
import { fullStopLogging, optionalFieldPaths, withNullAt } from './helpers/null-fields.js';

const PATHS = optionalFieldPaths();
const label = (path: readonly (string | number)[]) => path.join('.');

describe('null in an optional field, as AWS writes it', () => {
  it('finds the optional fields AWS is known to write as null', () => {
    const labels = PATHS.map(label);
    for (const expected of [
      'userIdentity.invokedBy',
      'userIdentity.sessionContext.attributes',
      'errorCode',
      'userAgent',
      'resources.0.ARN',
      'vpcEndpointId',
      'readOnly',
    ]) {
      expect(labels).toContain(expected);
    }
  });

  it.each(PATHS.map((path) => [label(path), path] as const))(
    'keeps the record valid with %s: null',
    (_label, path) => {
      expect(CloudTrailEventSchema.safeParse(withNullAt(fullStopLogging(0), path)).success).toBe(
        true,
      );
    },
  );

  it('reads every such record as an event on the lazy, default and exhaustive paths', async () => {
    // Prepare: one record per optional field set to null, in a compact CloudTrail file the
    // lazy reader can split (eventVersion must lead each record, so its own null case is
    // left to the schema test above), plus one record no detector listens to.
    const paths = PATHS.filter((path) => label(path) !== 'eventVersion');
    const records = paths.map((path, i) => withNullAt(fullStopLogging(i), path));
    const file = gz(logFile([...records, cloudTrailEvent({ eventName: 'GetAccountSummary' })]));
    const engine = new DetectorEngine([cloudtrailLoggingStopped], { settings: DEFAULT_SETTINGS });

    // Act
    const lazy = await collect(readObject('a.json.gz', file, { lazy: lazyReaderFor(engine) }));
    const plain = await collect(readObject('a.json.gz', file));
    const exhaustive = await collect(readObject('a.json.gz', file, { exhaustive: true }));

    // Assess: the lazy reader did split the file (it left the unwatched record unparsed).
    expect(lazy.at(-1)).toEqual(
      expect.objectContaining({ events: records.length, errors: 0, unparsed: 1 }),
    );
    expect(plain.at(-1)).toEqual(
      expect.objectContaining({ events: records.length + 1, errors: 0 }),
    );
    expect(exhaustive.at(-1)).toEqual(
      expect.objectContaining({ events: records.length + 1, errors: 0 }),
    );
  });

  it('treats a null errorCode as success, so the detector fires', () => {
    const engine = new DetectorEngine([cloudtrailLoggingStopped], { settings: DEFAULT_SETTINGS });
    const event = withNullAt(withNullAt(fullStopLogging(0), ['errorCode']), ['errorMessage']);
    expect(engine.evaluate(event as never).map((f) => f.detector.id)).toEqual([
      'cloudtrail-logging-stopped',
    ]);
  });
});
