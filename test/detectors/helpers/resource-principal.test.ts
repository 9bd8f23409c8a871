import { describe, expect, it } from 'vitest';
import {
  classifyPrincipal,
  embeddedAccount,
  isTrustedAccount,
} from '../../../detectors/helpers/resource-principal.js';
import { DEFAULT_SETTINGS } from '../../../detectors/types.js';

describe('classifyPrincipal', () => {
  it('recognises anyone, account ids and IAM/STS ARNs', () => {
    expect(classifyPrincipal(' * ')).toEqual({ kind: 'anyone' });
    expect(classifyPrincipal('444455556666')).toEqual({ kind: 'account', account: '444455556666' });
    expect(classifyPrincipal('arn:aws:iam::444455556666:root')).toEqual({
      kind: 'account',
      account: '444455556666',
    });
    expect(classifyPrincipal('arn:aws:sts::444455556666:assumed-role/R/s')).toEqual({
      kind: 'account',
      account: '444455556666',
    });
  });

  it('recognises global, regional, China and Alexa service principals', () => {
    for (const service of [
      's3.amazonaws.com',
      'logs.eu-west-1.amazonaws.com',
      'events.amazonaws.com.cn',
      'alexa-appkit.amazon.com',
    ]) {
      expect(classifyPrincipal(service)).toEqual({ kind: 'service', service });
    }
  });

  it('calls anything else unknown, and non-strings undefined', () => {
    expect(classifyPrincipal('evil.example.com')).toEqual({
      kind: 'unknown',
      value: 'evil.example.com',
    });
    expect(classifyPrincipal('arn:aws:iam:::root')).toEqual({
      kind: 'unknown',
      value: 'arn:aws:iam:::root',
    });
    expect(classifyPrincipal({ AWS: '*' })).toBeUndefined();
    expect(classifyPrincipal(null)).toBeUndefined();
  });
});

describe('isTrustedAccount', () => {
  it('trusts the own account and configured accounts only', () => {
    const settings = { ...DEFAULT_SETTINGS, trustedAccounts: ['222233334444'] };

    expect(isTrustedAccount('111122223333', '111122223333', settings)).toBe(true);
    expect(isTrustedAccount('222233334444', '111122223333', settings)).toBe(true);
    expect(isTrustedAccount('444455556666', '111122223333', settings)).toBe(false);
  });
});

describe('embeddedAccount', () => {
  it('finds a 12-digit run but not part of a longer number', () => {
    expect(embeddedAccount('x:444455556666:y')).toBe('444455556666');
    expect(embeddedAccount('4444555566667')).toBeUndefined();
    expect(embeddedAccount('none here')).toBeUndefined();
  });
});
