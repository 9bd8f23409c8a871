import { describe, expect, it } from 'vitest';
import { isDeployCaller } from '../../../detectors/helpers/deploy-caller.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const asRole = (role: string) =>
  cloudTrailEvent({ userIdentity: identities.assumedRole(role, 'run') });

describe('isDeployCaller', () => {
  it.each([
    'GitHubActionsDeploy',
    'terraform-apply',
    'ci-runner',
    'AWSCodeBuildRole',
    'AWSCloudFormationStackSetExecutionRole',
    'platform_pipeline',
  ])('recognises the pipeline role %s by its name', (role) => {
    expect(isDeployCaller(asRole(role))).toBe(true);
  });

  it.each(['Orchestrator', 'Cicada', 'Samantha', 'OrdersApp', 'Admin'])(
    'does not take %s for a pipeline, whatever letters it contains',
    (role) => {
      expect(isDeployCaller(asRole(role))).toBe(false);
    },
  );

  it('counts a call CloudFormation made for the caller, but not the console sign-in service', () => {
    const viaCfn = cloudTrailEvent({
      userIdentity: {
        ...identities.assumedRole('Admin'),
        invokedBy: 'cloudformation.amazonaws.com',
      },
    });
    const console = cloudTrailEvent({
      userIdentity: { ...identities.root(), invokedBy: 'signin.amazonaws.com' },
    });
    expect(isDeployCaller(viaCfn)).toBe(true);
    expect(isDeployCaller(console)).toBe(false);
  });

  it('reads IAM user names too, and survives identities without names', () => {
    expect(isDeployCaller(cloudTrailEvent({ userIdentity: identities.iamUser('jenkins') }))).toBe(
      true,
    );
    expect(isDeployCaller(cloudTrailEvent({ userIdentity: identities.iamUser('alice') }))).toBe(
      false,
    );
    expect(isDeployCaller(cloudTrailEvent({ userIdentity: null }))).toBe(false);
  });
});
