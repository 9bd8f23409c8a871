import { describe, expect, it } from 'vitest';
import { compileGlob, MAX_GLOB_SUBJECT_CHARS } from '../../../alerting/config/glob.js';

describe('compileGlob', () => {
  it('matches a literal pattern only exactly', () => {
    const glob = compileGlob('arn:aws:iam::111122223333:role/ci');
    expect(glob('arn:aws:iam::111122223333:role/ci')).toBe(true);
    expect(glob('arn:aws:iam::111122223333:role/ci-deployer')).toBe(false);
    expect(glob('arn:aws:iam::111122223333:role/CI')).toBe(false);
  });

  it('lets * span any characters, slashes and colons included', () => {
    const glob = compileGlob('arn:aws:sts::*:assumed-role/ci-*/*');
    expect(glob('arn:aws:sts::111122223333:assumed-role/ci-deployer/build-42')).toBe(true);
    expect(glob('arn:aws:sts::111122223333:assumed-role/admin/ci-x')).toBe(false);
  });

  it('anchors both ends', () => {
    const glob = compileGlob('*-logs');
    expect(glob('org-trail-logs')).toBe(true);
    expect(glob('org-trail-logs-copy')).toBe(false);
    expect(compileGlob('logs-*')('my-logs-1')).toBe(false);
  });

  it('does not let the prefix and suffix overlap', () => {
    expect(compileGlob('ab*ba')('aba')).toBe(false);
    expect(compileGlob('ab*ba')('abba')).toBe(true);
    expect(compileGlob('a*a*a')('aa')).toBe(false);
    expect(compileGlob('a*a*a')('aaa')).toBe(true);
  });

  it('finds middle segments in order', () => {
    const glob = compileGlob('*alpha*beta*');
    expect(glob('x-alpha-y-beta-z')).toBe(true);
    expect(glob('x-beta-y-alpha-z')).toBe(false);
  });

  it('ignores case only when asked', () => {
    expect(compileGlob('*Prowler*')('prowler/3.0')).toBe(false);
    expect(compileGlob('*Prowler*', { ignoreCase: true })('prowler/3.0')).toBe(true);
  });

  it('answers on patterns that backtrack in regex engines', () => {
    // A backtracking matcher needs ~4096^40 steps here and would hit the test timeout;
    // ours is linear in pattern × subject.
    const glob = compileGlob(`${'a*'.repeat(40)}b`);
    const subject = 'a'.repeat(MAX_GLOB_SUBJECT_CHARS);
    expect(glob(subject)).toBe(false);
    expect(glob(`${subject.slice(1)}b`)).toBe(true);
  });

  it('never matches a subject longer than the cap', () => {
    const glob = compileGlob('*');
    expect(glob('x'.repeat(MAX_GLOB_SUBJECT_CHARS))).toBe(true);
    expect(glob('x'.repeat(MAX_GLOB_SUBJECT_CHARS + 1))).toBe(false);
  });
});
