import { describe, expect, it } from 'vitest';
import { instanceCredentialsMultipleIps } from '../../../detectors/account/instance-credentials-multiple-ips.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const call = (
  sourceIPAddress: string,
  session = 'i-0abcd1234ef567890',
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    readOnly: true,
    userIdentity: identities.assumedRole('WebServerRole', session, 'false'),
    sourceIPAddress,
    ...overrides,
  });

describe('Detector: instance-credentials-multiple-ips', () => {
  it('counts IPv4 and IPv6 egress of a dual-stack instance under different keys', () => {
    const [v4] = detect(instanceCredentialsMultipleIps, call('203.0.113.10'));
    const [v6] = detect(instanceCredentialsMultipleIps, call('2600:1f18:abcd::10'));
    expect(v4?.dedupKey).not.toBe(v6?.dedupKey);
  });

  it('keeps two instances of the same role apart', () => {
    const [a] = detect(instanceCredentialsMultipleIps, call('203.0.113.10'));
    const [b] = detect(instanceCredentialsMultipleIps, call('198.51.100.1', 'i-0fedcba9876543210'));
    expect(a?.dedupKey).not.toBe(b?.dedupKey);
  });

  it('counts two spellings of one IPv6 address once', () => {
    const [a] = detect(instanceCredentialsMultipleIps, call('2600:1F18:ABCD::10'));
    const [b] = detect(instanceCredentialsMultipleIps, call('2600:1f18:abcd:0::10'));
    expect(a?.distinctValue).toBe(b?.distinctValue);
  });

  it('counts failed calls too: the credentials were still used from there', () => {
    const event = { ...call('198.51.100.1'), errorCode: 'AccessDenied' };
    expect(detect(instanceCredentialsMultipleIps, event)).toHaveLength(1);
  });

  it.each([
    ['a session name that only looks like an instance', 'i-notahexid'],
    ['a session name with an instance id inside', 'x-i-0abcd1234ef567890-y'],
  ])('ignores %s', (_name, session) => {
    expect(detect(instanceCredentialsMultipleIps, call('198.51.100.1', session))).toEqual([]);
  });

  it('survives odd identities', () => {
    expect(
      detect(
        instanceCredentialsMultipleIps,
        call('198.51.100.1', undefined, { userIdentity: null }),
      ),
    ).toEqual([]);
    const noArn = { type: 'AssumedRole' };
    expect(
      detect(
        instanceCredentialsMultipleIps,
        call('198.51.100.1', undefined, { userIdentity: noArn }),
      ),
    ).toEqual([]);
  });
});
