import { describe, expect, it } from 'vitest';
import { isHumanCaller } from '../../../detectors/helpers/human-caller.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

describe('Helper: isHumanCaller', () => {
  it.each([
    ['IAM user', identities.iamUser()],
    ['root', identities.root()],
    ['federated user', identities.federatedUser()],
    ['SSO session', identities.ssoUser()],
  ])('recognises a %s', (_name, userIdentity) => {
    expect(isHumanCaller(cloudTrailEvent({ userIdentity }))).toBe(true);
  });

  it('recognises a role session opened in the console', () => {
    const event = {
      ...cloudTrailEvent({ userIdentity: identities.assumedRole('Admin', 'okta-ana') }),
      sessionCredentialFromConsole: 'true',
    };
    expect(isHumanCaller(event)).toBe(true);
  });

  it('treats root console actions logged with invokedBy signin as a person', () => {
    const userIdentity = { ...identities.root(), invokedBy: 'signin.amazonaws.com' };
    expect(isHumanCaller(cloudTrailEvent({ userIdentity }))).toBe(true);
  });

  it.each([
    ['CI role session', identities.assumedRole('GitHubActionsDeploy', 'run-123')],
    ['AWS service', identities.awsService()],
    [
      'service on behalf of a user',
      { ...identities.iamUser(), invokedBy: 'cloudformation.amazonaws.com' },
    ],
    ['no identity', undefined],
  ])('does not count a %s', (_name, userIdentity) => {
    expect(isHumanCaller(cloudTrailEvent({ userIdentity }))).toBe(false);
  });
});
