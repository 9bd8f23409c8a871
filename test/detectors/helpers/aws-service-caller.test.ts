import { describe, expect, it } from 'vitest';
import { calledThroughAwsService } from '../../../detectors/helpers/aws-service-caller.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

describe('calledThroughAwsService', () => {
  it('is true for service identities and calls a service made on behalf of a principal', () => {
    expect(
      calledThroughAwsService(cloudTrailEvent({ userIdentity: identities.awsService() })),
    ).toBe(true);
    expect(
      calledThroughAwsService(
        cloudTrailEvent({
          userIdentity: { ...identities.iamUser(), invokedBy: 'cloudformation.amazonaws.com' },
        }),
      ),
    ).toBe(true);
  });

  it('is false for people, including root in the console', () => {
    expect(calledThroughAwsService(cloudTrailEvent())).toBe(false);
    expect(
      calledThroughAwsService(
        cloudTrailEvent({
          userIdentity: { ...identities.root(), invokedBy: 'signin.amazonaws.com' },
        }),
      ),
    ).toBe(false);
    expect(calledThroughAwsService(cloudTrailEvent({ userIdentity: null }))).toBe(false);
  });
});
