import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { DetectorEngine } from '../../../detectors/engine.js';
import { ACCOUNT, cloudTrailEvent } from '../../../detectors/examples/events.js';
import { DEFAULT_SETTINGS } from '../../../detectors/types.js';

/**
 * A VPC endpoint network activity event as CloudTrail logs it for the endpoint's
 * owner: the call's name without its request or response; a refusal by the
 * endpoint policy is `VpceAccessDenied`.
 */
const throughEndpoint = (eventSource: string, eventName: string, errorCode?: string) =>
  cloudTrailEvent({
    eventSource,
    eventName,
    eventType: 'AwsVpceEvent',
    eventCategory: 'NetworkActivity',
    managementEvent: false,
    readOnly: false,
    vpcEndpointId: 'vpce-0123456789abcdef0',
    requestParameters: null,
    responseElements: null,
    recipientAccountId: ACCOUNT,
    ...(errorCode ? { errorCode, errorMessage: 'The request was denied' } : {}),
  });

const engine = new DetectorEngine(BUILTIN_DETECTORS, { settings: DEFAULT_SETTINGS });
const fired = (event: ReturnType<typeof throughEndpoint>) =>
  engine.evaluate(event).map((f) => f.detector.id);

describe('network activity events reach only detectors that judge them', () => {
  it.each([
    ['cloudtrail.amazonaws.com', 'StopLogging'],
    ['s3.amazonaws.com', 'PutBucketPolicy'],
    ['iam.amazonaws.com', 'CreateAccessKey'],
    ['kms.amazonaws.com', 'ScheduleKeyDeletion'],
  ])('a refused %s %s is not read as an attempt of that call', (source, name) => {
    const ids = fired(throughEndpoint(source, name, 'VpceAccessDenied'));
    expect(ids.every((id) => id.startsWith('vpce-'))).toBe(true);
    expect(ids).toContain('vpce-access-denied');
  });

  it('an allowed call through an endpoint is not read as the call itself', () => {
    const ids = fired(throughEndpoint('cloudtrail.amazonaws.com', 'StopLogging'));
    expect(ids.filter((id) => !id.startsWith('vpce-'))).toEqual([]);
  });

  it('the same call as a management event still fires', () => {
    const stop = cloudTrailEvent({
      eventSource: 'cloudtrail.amazonaws.com',
      eventName: 'StopLogging',
      requestParameters: { name: 'org-trail' },
      responseElements: null,
    });
    expect(engine.evaluate(stop).map((f) => f.detector.id)).toContain('cloudtrail-logging-stopped');
  });
});
