import { describe, expect, it } from 'vitest';
import { identities } from '../../../detectors/examples/events.js';
import {
  INSTANCE_ID,
  instanceCall,
  instanceIdentity,
  LAPTOP_IP,
  viaVpcEndpoint,
} from '../../../detectors/examples/instance-events.js';
import {
  instanceCredentialCallOf,
  instanceSessionCaller,
} from '../../../detectors/helpers/instance-credential-call.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';

const fromLaptop = (overrides: Partial<CloudTrailEvent> = {}) =>
  instanceCall({ sourceIPAddress: LAPTOP_IP, ...overrides });

describe('instanceCredentialCallOf', () => {
  it('names the instance, the session and the role of a call from a public address', () => {
    const call = instanceCredentialCallOf(fromLaptop());

    expect(call).toMatchObject({
      instance: INSTANCE_ID,
      session: `arn:aws:sts::111122223333:assumed-role/web-proxy-instance-role/${INSTANCE_ID}`,
      role: 'arn:aws:sts::111122223333:assumed-role/web-proxy-instance-role',
      dedupKey: `111122223333|arn:aws:sts::111122223333:assumed-role/web-proxy-instance-role|${INSTANCE_ID}`,
      ip: { family: 4, octets: [198, 51, 100, 23] },
    });
  });

  it('gives one dedup key for an instance id in either case', () => {
    const lower = instanceCredentialCallOf(fromLaptop());
    const upper = instanceCredentialCallOf(
      fromLaptop({ userIdentity: instanceIdentity(INSTANCE_ID.toUpperCase()) }),
    );

    expect(upper?.dedupKey).toBe(lower?.dedupKey);
  });

  it('recognises a session only the metadata-service marker shows', () => {
    expect(
      instanceCredentialCallOf(fromLaptop({ userIdentity: instanceIdentity('app') }))?.instance,
    ).toBe('unknown instance');
  });

  it.each([
    ['a VPC endpoint', fromLaptop(viaVpcEndpoint)],
    [
      'a VPC endpoint id with a public address',
      fromLaptop({ vpcEndpointId: 'vpce-0a1b2c3d4e5f67890' }),
    ],
    ['a private address', fromLaptop({ sourceIPAddress: '172.16.4.4' })],
    ['AWS Internal', fromLaptop({ sourceIPAddress: 'AWS Internal' })],
    ['a service host name', fromLaptop({ sourceIPAddress: 'ec2.amazonaws.com' })],
    [
      'a service acting for the role',
      fromLaptop({ userIdentity: { ...instanceIdentity(), invokedBy: 'ec2.amazonaws.com' } }),
    ],
    ['a service event', fromLaptop({ eventType: 'AwsServiceEvent' })],
    ['a network activity event', fromLaptop({ eventType: 'AwsVpceEvent' })],
    [
      'the SSM message channel',
      fromLaptop({ eventSource: 'ssmmessages.amazonaws.com', eventName: 'OpenDataChannel' }),
    ],
    [
      'the EC2 message channel',
      fromLaptop({ eventSource: 'ec2messages.amazonaws.com', eventName: 'AcknowledgeMessage' }),
    ],
    [
      'the SSM agent reporting in',
      fromLaptop({ eventSource: 'ssm.amazonaws.com', eventName: 'UpdateInstanceInformation' }),
    ],
    [
      'a person’s role session',
      fromLaptop({ userIdentity: identities.assumedRole('Admin', 'alice') }),
    ],
    [
      'an IAM user named like an instance',
      fromLaptop({ userIdentity: identities.iamUser(INSTANCE_ID) }),
    ],
    [
      'a session without an ARN',
      fromLaptop({ userIdentity: { ...instanceIdentity(), arn: null } as never }),
    ],
  ])('leaves out %s', (_label, event) => {
    expect(instanceCredentialCallOf(event)).toBeUndefined();
  });

  it('still sees the SSM API used for anything but the agent’s housekeeping', () => {
    const event = fromLaptop({
      eventSource: 'ssm.amazonaws.com',
      eventName: 'GetParametersByPath',
    });

    expect(instanceCredentialCallOf(event)).toBeDefined();
  });
});

describe('instanceSessionCaller', () => {
  it('accepts calls from the instance and through VPC endpoints, not services', () => {
    expect(instanceSessionCaller(instanceCall(viaVpcEndpoint))?.instance).toBe(INSTANCE_ID);
    expect(
      instanceSessionCaller(
        instanceCall({ userIdentity: { ...instanceIdentity(), invokedBy: 'ssm.amazonaws.com' } }),
      ),
    ).toBeUndefined();
  });
});
