import { describe, expect, it } from 'vitest';
import {
  compileSuppressions,
  expiredSuppressions,
  isExpired,
} from '../../../alerting/config/suppress.js';
import type { Suppression } from '../../../alerting/config/types.js';
import { cloudtrailLoggingStopped } from '../../../detectors/cloudtrail/cloudtrail-logging-stopped.js';
import type { CloudTrailEvent, Finding } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities, OTHER_ACCOUNT } from '../../helpers/events.js';

const NOW = Date.parse('2026-11-20T12:00:00Z');

/** A StopLogging finding, as the engine produces it, for the event overrides given. */
function stopLogging(overrides: Partial<CloudTrailEvent> = {}): Finding {
  const event = cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    requestParameters: {
      name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/staging-trail`,
    },
    ...overrides,
  });
  const [finding] = detect(cloudtrailLoggingStopped, event);
  if (!finding) throw new Error('fixture must fire');
  return finding;
}

function rule(fields: Partial<Suppression>): Suppression {
  return { id: 'r1', reason: 'expected in tests', detectors: '*', ...fields };
}

const matches = (r: Suppression, finding: Finding, now = NOW) =>
  compileSuppressions([r]).match(finding, now) !== undefined;

describe('compileSuppressions: each field', () => {
  it('detectors: matches listed ids only', () => {
    const r = rule({ detectors: ['cloudtrail-logging-stopped'] });
    expect(matches(r, stopLogging())).toBe(true);
    expect(matches(rule({ detectors: ['root-account-used'] }), stopLogging())).toBe(false);
  });

  it('accounts: matches the account the event happened in', () => {
    expect(matches(rule({ accounts: [ACCOUNT] }), stopLogging())).toBe(true);
    expect(matches(rule({ accounts: [OTHER_ACCOUNT] }), stopLogging())).toBe(false);
    const elsewhere = stopLogging({ recipientAccountId: OTHER_ACCOUNT });
    expect(matches(rule({ accounts: [ACCOUNT] }), elsewhere)).toBe(false);
  });

  it('principals: matches the session ARN or the role that issued it', () => {
    const finding = stopLogging({ userIdentity: identities.assumedRole('ci-deployer', 'build-7') });
    const session = `arn:aws:sts::${ACCOUNT}:assumed-role/ci-*/*`;
    const role = `arn:aws:iam::${ACCOUNT}:role/ci-*`;
    expect(matches(rule({ principals: [session] }), finding)).toBe(true);
    expect(matches(rule({ principals: [role] }), finding)).toBe(true);
    expect(matches(rule({ principals: [`arn:aws:iam::${ACCOUNT}:role/admin`] }), finding)).toBe(
      false,
    );
    const admin = stopLogging({ userIdentity: identities.assumedRole('Admin', 'ci-deployer') });
    expect(matches(rule({ principals: [role] }), admin)).toBe(false);
  });

  it('principals: matches AWS services by the name alerts show', () => {
    const finding = stopLogging({ userIdentity: identities.awsService() });
    expect(matches(rule({ principals: ['cloudformation.amazonaws.com'] }), finding)).toBe(true);
    expect(matches(rule({ principals: ['config.amazonaws.com'] }), finding)).toBe(false);
  });

  it('sourceIps: matches addresses inside the ranges', () => {
    const r = rule({ sourceIps: ['198.51.100.0/24', '2001:db8::/32'] });
    expect(matches(r, stopLogging({ sourceIPAddress: '198.51.100.20' }))).toBe(true);
    expect(matches(r, stopLogging({ sourceIPAddress: '2001:db8::5' }))).toBe(true);
    expect(matches(r, stopLogging({ sourceIPAddress: '203.0.113.10' }))).toBe(false);
    expect(matches(r, stopLogging({ sourceIPAddress: 'cloudformation.amazonaws.com' }))).toBe(
      false,
    );
  });

  it('userAgents: substring without case, or a glob over the whole agent', () => {
    const finding = stopLogging({ userAgent: 'Terraform/1.9.5 (+https://www.terraform.io)' });
    expect(matches(rule({ userAgents: ['terraform/'] }), finding)).toBe(true);
    expect(matches(rule({ userAgents: ['terraform/1.*'] }), finding)).toBe(true);
    expect(matches(rule({ userAgents: ['terraform/2.*'] }), finding)).toBe(false);
    expect(matches(rule({ userAgents: ['pulumi'] }), finding)).toBe(false);
  });

  it('resources: every resource of the finding must match', () => {
    const finding = stopLogging();
    expect(matches(rule({ resources: ['*:trail/staging-*'] }), finding)).toBe(true);
    expect(matches(rule({ resources: ['*:trail/prod-*'] }), finding)).toBe(false);
    const two = { ...finding, resources: [...finding.resources, 'arn:aws:s3:::org-logs'] };
    expect(matches(rule({ resources: ['*:trail/staging-*'] }), two)).toBe(false);
    expect(matches(rule({ resources: ['*:trail/staging-*', 'arn:aws:s3:::*'] }), two)).toBe(true);
    expect(matches(rule({ resources: ['*x'] }), { ...finding, resources: [] })).toBe(false);
  });

  it('needs every given field to match', () => {
    const r = rule({ accounts: [ACCOUNT], sourceIps: ['198.51.100.0/24'] });
    expect(matches(r, stopLogging({ sourceIPAddress: '198.51.100.1' }))).toBe(true);
    expect(matches(r, stopLogging({ sourceIPAddress: '203.0.113.1' }))).toBe(false);
    expect(
      matches(
        r,
        stopLogging({ sourceIPAddress: '198.51.100.1', recipientAccountId: OTHER_ACCOUNT }),
      ),
    ).toBe(false);
  });

  it('returns the first matching rule in config order', () => {
    const matcher = compileSuppressions([
      rule({ id: 'other-account', accounts: [OTHER_ACCOUNT] }),
      rule({ id: 'first', accounts: [ACCOUNT] }),
      rule({ id: 'second', detectors: ['cloudtrail-logging-stopped'] }),
    ]);
    expect(matcher.match(stopLogging(), NOW)?.id).toBe('first');
  });
});

describe('compileSuppressions: expiry (wall clock)', () => {
  const expiring = rule({
    accounts: [ACCOUNT],
    expires: '2026-11-20',
    expiresAt: Date.parse('2026-11-21T00:00:00Z'),
  });

  it('suppresses until the expiry and not from it on', () => {
    const matcher = compileSuppressions([expiring]);
    expect(matcher.match(stopLogging(), Date.parse('2026-11-20T23:59:59Z'))).toBeDefined();
    expect(matcher.match(stopLogging(), Date.parse('2026-11-21T00:00:00Z'))).toBeUndefined();
  });

  it('judges by the clock, not by the event time', () => {
    const oldEvent = stopLogging({ eventTime: '2020-01-01T00:00:00Z' });
    expect(
      compileSuppressions([expiring]).match(oldEvent, Date.parse('2027-01-01')),
    ).toBeUndefined();
  });

  it('lists the rules already expired', () => {
    const lasting = rule({ id: 'no-expiry', accounts: [ACCOUNT] });
    expect(isExpired(expiring, NOW)).toBe(false);
    expect(expiredSuppressions([expiring, lasting], Date.parse('2027-01-01'))).toEqual([expiring]);
  });
});

describe('compileSuppressions: odd findings', () => {
  it('never throws, nor suppresses on fields of the wrong type (no string coercion)', () => {
    const finding = stopLogging();
    const odd = {
      ...finding,
      resources: [42, null] as unknown as string[],
      event: {
        ...finding.event,
        sourceIPAddress: ['198.51.100.1'],
        userAgent: { a: 1 },
        userIdentity: { arn: ['x'], sessionContext: { sessionIssuer: 'nope' } },
      } as unknown as CloudTrailEvent,
    } as Finding;
    const matcher = compileSuppressions([
      rule({ id: 'ip', sourceIps: ['0.0.0.0/0'] }),
      rule({ id: 'ua', userAgents: ['object'] }),
      rule({ id: 'principal', principals: ['x'] }),
      rule({ id: 'res', resources: ['4*'] }),
    ]);
    expect(matcher.match(odd, NOW)).toBeUndefined();
  });

  it('never suppresses on an oversized field', () => {
    const finding = stopLogging({ userAgent: `ci-bot ${'x'.repeat(100_000)}` });
    expect(matches(rule({ userAgents: ['ci-bot'] }), finding)).toBe(false);
  });
});
