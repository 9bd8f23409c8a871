import { describe, expect, it } from 'vitest';
import { lambdaInvokeBurst } from '../../../detectors/lambda/lambda-invoke-burst.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const arn = 'arn:aws:lambda:us-east-1:111122223333:function:pdf-renderer';

const invoke = (overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'lambda.amazonaws.com',
    eventName: 'Invoke',
    eventCategory: 'Data',
    userIdentity: identities.assumedRole('Worker', 'run-1'),
    requestParameters: { functionName: arn },
    ...overrides,
  });

describe('Detector: lambda-invoke-burst', () => {
  it('counts a function named by ARN, by qualified ARN and by name together', () => {
    const keys = [arn, `${arn}:live`, 'pdf-renderer'].map(
      (functionName) =>
        detect(lambdaInvokeBurst, invoke({ requestParameters: { functionName } }))[0]?.dedupKey,
    );
    expect(new Set(keys).size).toBe(1);
  });

  it('falls back to the function in resources when the request is null', () => {
    const event = invoke({
      requestParameters: null,
      resources: [{ type: 'AWS::Lambda::Function', ARN: arn }],
    });
    expect(detect(lambdaInvokeBurst, event)[0]?.resources).toEqual([arn]);
  });

  it('counts throttled invocations too', () => {
    const throttled = { ...invoke(), errorCode: 'TooManyRequestsException' };
    expect(detect(lambdaInvokeBurst, throttled)).toHaveLength(1);
  });

  it('counts different functions apart', () => {
    const [a] = detect(lambdaInvokeBurst, invoke());
    const [b] = detect(lambdaInvokeBurst, invoke({ requestParameters: { functionName: 'other' } }));
    expect(a?.dedupKey).not.toBe(b?.dedupKey);
  });
});
