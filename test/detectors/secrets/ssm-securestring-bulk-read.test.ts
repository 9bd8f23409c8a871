import { describe, expect, it } from 'vitest';
import { ssmSecurestringBulkRead } from '../../../detectors/secrets/ssm-securestring-bulk-read.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

const call = (
  eventName: string,
  requestParameters: Record<string, unknown>,
  userIdentity = identities.iamUser(),
) =>
  cloudTrailEvent({ eventSource: 'ssm.amazonaws.com', eventName, userIdentity, requestParameters });

const countedAs = (eventName: string, requestParameters: Record<string, unknown>) =>
  detect(ssmSecurestringBulkRead, call(eventName, requestParameters))[0]?.distinctValues?.join(',');

describe('Detector: ssm-securestring-bulk-read', () => {
  it('counts a parameter once across name, ARN and version spellings', () => {
    const values = new Set([
      countedAs('GetParameter', { name: '/prod/db-password', withDecryption: true }),
      countedAs('GetParameter', { name: 'prod/db-password:3', withDecryption: 'true' }),
      countedAs('GetParameters', {
        names: [`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/db-password`],
        withDecryption: true,
      }),
    ]);

    expect([...values]).toEqual(['prod/db-password']);
  });

  it('counts every name of a GetParameters call, once each', () => {
    expect(countedAs('GetParameters', { names: ['/b', '/a', '/a'], withDecryption: true })).toBe(
      'a,b',
    );
  });

  it('tells a recursive path read from a flat one', () => {
    expect(
      countedAs('GetParametersByPath', { path: '/', recursive: true, withDecryption: true }),
    ).toBe('path:/**');
    expect(countedAs('GetParametersByPath', { path: '/prod', withDecryption: true })).toBe(
      'path:prod',
    );
  });

  it('is high for IAM user keys and medium for roles', () => {
    const byUser = detect(
      ssmSecurestringBulkRead,
      call('GetParameter', { name: 'x', withDecryption: true }),
    );
    const byRole = detect(
      ssmSecurestringBulkRead,
      call(
        'GetParameter',
        { name: 'x', withDecryption: true },
        identities.assumedRole('app', 'task'),
      ),
    );

    expect(byUser[0]?.severity).toBe('high');
    expect(byRole[0]?.severity).toBe('medium');
  });

  it('ignores reads without decryption or without names', () => {
    expect(
      detect(ssmSecurestringBulkRead, call('GetParameter', { name: 'x', withDecryption: false })),
    ).toEqual([]);
    expect(
      detect(ssmSecurestringBulkRead, call('GetParameters', { names: [], withDecryption: true })),
    ).toEqual([]);
    expect(
      detect(ssmSecurestringBulkRead, call('GetParametersByPath', { withDecryption: true })),
    ).toEqual([]);
  });
});
