import { describe, expect, it } from 'vitest';
import {
  managementAndLambdaData,
  putEventSelectors,
  s3DataResources,
  TRAIL_ARN,
} from '../../../detectors/cloudtrail/cloudtrail-event-selectors-narrowed.examples.js';
import { cloudtrailEventSelectorsNarrowed } from '../../../detectors/cloudtrail/cloudtrail-event-selectors-narrowed.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: cloudtrail-event-selectors-narrowed', () => {
  it('fires when management events are excluded', () => {
    // Prepare
    const event = putEventSelectors({
      eventSelectors: [
        {
          readWriteType: 'All',
          includeManagementEvents: false,
          dataResources: s3DataResources,
          excludeManagementEventSources: [],
        },
      ],
    });

    // Act
    const findings = detect(cloudtrailEventSelectorsNarrowed, event);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([TRAIL_ARN]);
    expect(findings[0]?.summary).toContain('management events are no longer logged');
  });

  it('fires when only read-only management events are kept', () => {
    const event = putEventSelectors(
      { eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: true }] },
      { userIdentity: identities.assumedRole('Ops', 'mallory') },
    );

    const finding = detect(cloudtrailEventSelectorsNarrowed, event)[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('only read-only');
  });

  it('fires at medium when only write management events are kept', () => {
    const event = putEventSelectors({
      eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true }],
    });

    expect(detect(cloudtrailEventSelectorsNarrowed, event)[0]?.severity).toBe('medium');
  });

  it('fires when advanced selectors keep only data events', () => {
    const event = putEventSelectors({
      advancedEventSelectors: [
        {
          name: 'S3 object writes only',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
            { field: 'readOnly', equals: ['false'] },
          ],
        },
      ],
    });

    expect(detect(cloudtrailEventSelectorsNarrowed, event)[0]?.summary).toContain(
      'no longer logged',
    );
  });

  it('fires when the advanced management selector is narrowed to reads', () => {
    const event = putEventSelectors({
      advancedEventSelectors: [
        {
          name: 'Management reads',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Management'] },
            { field: 'readOnly', equals: ['true'] },
          ],
        },
      ],
    });

    expect(detect(cloudtrailEventSelectorsNarrowed, event)[0]?.severity).toBe('high');
  });

  it('ignores selectors that add data events and keep all management events', () => {
    const event = putEventSelectors({
      eventSelectors: [
        { readWriteType: 'All', includeManagementEvents: true, dataResources: s3DataResources },
      ],
    });

    expect(detect(cloudtrailEventSelectorsNarrowed, event)).toEqual([]);
  });

  it('ignores advanced selectors that add data events beside a management selector', () => {
    const event = putEventSelectors(managementAndLambdaData);

    expect(detect(cloudtrailEventSelectorsNarrowed, event)).toEqual([]);
  });

  it('reports a denied narrowing as an attempt, one level lower', () => {
    const event = putEventSelectors({
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false }],
    });

    const [attempt] = detect(cloudtrailEventSelectorsNarrowed, failed(event));
    expect(attempt?.attempt).toEqual({ errorCode: 'AccessDenied' });
    expect(attempt?.severity).toBe('medium');
  });

  it('ignores a call that failed for another reason', () => {
    const event = putEventSelectors({
      eventSelectors: [{ readWriteType: 'All', includeManagementEvents: false }],
    });

    expect(
      detect(cloudtrailEventSelectorsNarrowed, failed(event, 'InvalidEventSelectorsException')),
    ).toEqual([]);
  });

  it('ignores the same event name from another service', () => {
    const event = putEventSelectors(
      { eventSelectors: [{ includeManagementEvents: false }] },
      { eventSource: 'other.amazonaws.com' },
    );

    expect(detect(cloudtrailEventSelectorsNarrowed, event)).toEqual([]);
  });

  it('judges an event data store of management events, not one built for data events', () => {
    const store = (fieldSelectors: unknown[]) =>
      putEventSelectors(
        {},
        {
          eventName: 'UpdateEventDataStore',
          requestParameters: {
            eventDataStore:
              'arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1',
            advancedEventSelectors: [{ name: 'store', fieldSelectors }],
          },
          responseElements: null,
        },
      );
    const narrowed = store([
      { field: 'eventCategory', equals: ['Management'] },
      { field: 'userIdentity.arn', notStartsWith: ['arn:aws:sts::111122223333:assumed-role/Ops/'] },
    ]);
    const dataOnly = store([
      { field: 'eventCategory', equals: ['Data'] },
      { field: 'resources.type', equals: ['AWS::S3::Object'] },
    ]);

    const [finding] = detect(cloudtrailEventSelectorsNarrowed, narrowed);
    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('event data store');
    expect(finding?.summary).toContain('userIdentity.arn');
    expect(detect(cloudtrailEventSelectorsNarrowed, dataOnly)).toEqual([]);
  });

  it('ignores a record without request parameters', () => {
    const event = putEventSelectors({}, { requestParameters: null, responseElements: null });

    expect(detect(cloudtrailEventSelectorsNarrowed, event)).toEqual([]);
  });
});
