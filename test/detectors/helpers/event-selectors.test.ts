import { describe, expect, it } from 'vitest';
import {
  managementCoverage,
  whatTrailRecords,
} from '../../../detectors/helpers/event-selectors.js';

const ALL = { read: true, write: true };
const NONE = { read: false, write: false };

const management = (extra: unknown[] = []) => ({
  name: 'Management events',
  fieldSelectors: [{ field: 'eventCategory', equals: ['Management'] }, ...extra],
});

describe('managementCoverage with basic selectors', () => {
  it('defaults a selector to all management events', () => {
    expect(managementCoverage({ trailName: 't', eventSelectors: [{}] })).toEqual(ALL);
  });

  it('reads a single selector logged as an object', () => {
    expect(managementCoverage({ eventSelectors: { readWriteType: 'ReadOnly' } })).toEqual({
      read: true,
      write: false,
    });
  });

  it('unions read-only and write-only selectors into full coverage', () => {
    const coverage = managementCoverage({
      eventSelectors: [
        { readWriteType: 'ReadOnly', includeManagementEvents: true },
        { readWriteType: 'WriteOnly', includeManagementEvents: 'true' },
      ],
    });

    expect(coverage).toEqual(ALL);
  });

  it('reports no coverage when every selector excludes management events', () => {
    const coverage = managementCoverage({
      eventSelectors: [
        { readWriteType: 'All', includeManagementEvents: false, dataResources: [] },
        { readWriteType: 'All', includeManagementEvents: 'false' },
      ],
    });

    expect(coverage).toEqual(NONE);
  });
});

describe('managementCoverage with advanced selectors', () => {
  it('sees full coverage from an eventCategory = Management selector', () => {
    const coverage = managementCoverage({
      eventSelectors: null,
      advancedEventSelectors: [
        management(),
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ],
    });

    expect(coverage).toEqual(ALL);
  });

  it('narrows to writes with readOnly equals false', () => {
    const coverage = managementCoverage({
      advancedEventSelectors: [management([{ field: 'readOnly', equals: ['false'] }])],
    });

    expect(coverage).toEqual({ read: false, write: true });
  });

  it('narrows to reads with readOnly notEquals false', () => {
    const coverage = managementCoverage({
      advancedEventSelectors: [management([{ field: 'readOnly', notEquals: [false] }])],
    });

    expect(coverage).toEqual({ read: true, write: false });
  });

  it('reports no coverage when only data selectors remain', () => {
    const coverage = managementCoverage({
      advancedEventSelectors: [{ fieldSelectors: [{ field: 'eventCategory', equals: ['Data'] }] }],
    });

    expect(coverage).toEqual(NONE);
  });

  it('does not count a NotEquals on eventCategory as a management selector', () => {
    const coverage = managementCoverage({
      advancedEventSelectors: [
        { fieldSelectors: [{ field: 'eventCategory', notEquals: ['Management'] }] },
      ],
    });

    expect(coverage).toEqual(NONE);
  });
});

describe('managementCoverage on odd input', () => {
  it('returns undefined when there are no selectors to judge', () => {
    expect(managementCoverage(null)).toBeUndefined();
    expect(managementCoverage({ trailName: 't' })).toBeUndefined();
  });

  it('does not throw on wrong types', () => {
    expect(() =>
      managementCoverage({
        advancedEventSelectors: [null, 3, { fieldSelectors: 'x' }, { fieldSelectors: [null] }],
      }),
    ).not.toThrow();
    expect(managementCoverage({ eventSelectors: ['x', null] })).toEqual(ALL);
  });
});

describe('whatTrailRecords', () => {
  it('names sources a management selector drops, whatever the operator', () => {
    const recording = whatTrailRecords({
      advancedEventSelectors: [
        management([
          { field: 'eventSource', notStartsWith: ['iam.'] },
          { field: 'eventSource', notEndsWith: ['sts.amazonaws.com'] },
          { field: 'eventSource', notEquals: ['kms.amazonaws.com'] },
        ]),
      ],
    });

    expect(recording?.management).toEqual({
      read: true,
      write: true,
      excluded: [
        { field: 'eventSource', value: 'iam.*' },
        { field: 'eventSource', value: '*sts.amazonaws.com' },
        { field: 'eventSource', value: 'kms.amazonaws.com' },
      ],
      onlyFor: [],
    });
  });

  it('reads excludeManagementEventSources of a basic selector', () => {
    const recording = whatTrailRecords({
      eventSelectors: [{ excludeManagementEventSources: ['rdsdata.amazonaws.com'] }],
    });

    expect(recording?.management.excluded).toEqual([
      { field: 'eventSource', value: 'rdsdata.amazonaws.com' },
    ]);
  });

  it('sees that only the named services are kept with eventSource Equals', () => {
    const recording = whatTrailRecords({
      advancedEventSelectors: [
        management([{ field: 'eventSource', equals: ['s3.amazonaws.com'] }]),
      ],
    });

    expect(recording?.management).toMatchObject({
      read: false,
      write: false,
      onlyFor: [{ field: 'eventSource', value: 's3.amazonaws.com' }],
    });
  });

  it('unions selectors: a source dropped by one is kept if another selector records it', () => {
    const recording = whatTrailRecords({
      advancedEventSelectors: [
        management([{ field: 'eventSource', notEquals: ['kms.amazonaws.com'] }]),
        management([{ field: 'eventSource', equals: ['kms.amazonaws.com'] }]),
      ],
    });

    expect(recording?.management).toEqual({ read: true, write: true, excluded: [], onlyFor: [] });
  });

  it('reports a source dropped only from writes', () => {
    const recording = whatTrailRecords({
      advancedEventSelectors: [
        management([{ field: 'readOnly', equals: ['true'] }]),
        management([
          { field: 'readOnly', equals: ['false'] },
          { field: 'eventName', notEquals: ['StopLogging'] },
        ]),
      ],
    });

    expect(recording?.management.excluded).toEqual([{ field: 'eventName', value: 'StopLogging' }]);
  });

  it('lists the data resource types recorded', () => {
    const recording = whatTrailRecords({
      advancedEventSelectors: [
        management(),
        {
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
          ],
        },
      ],
    });

    expect(recording?.dataResourceTypes).toEqual(['AWS::Lambda::Function']);
    expect(recording?.management.excluded).toEqual([]);
  });
});
