import { describe, expect, it } from 'vitest';
import {
  adminRolePolicy,
  FULL_ADMIN_DOC,
  putUserPolicy,
} from '../../../detectors/iam/iam-policy-grants-full-admin.examples.js';
import { iamPolicyGrantsFullAdmin } from '../../../detectors/iam/iam-policy-grants-full-admin.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

const withDocument = (policyDocument: unknown) =>
  putUserPolicy({ requestParameters: { userName: 'bob', policyName: 'ops', policyDocument } });

describe('Detector: iam-policy-grants-full-admin', () => {
  it('fires on an inline user policy allowing * on *', () => {
    // Act
    const findings = detect(iamPolicyGrantsFullAdmin, putUserPolicy());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.summary).toBe(
      'arn:aws:iam::111122223333:user/alice granted full administration in ' +
        'inline policy ops on user bob',
    );
    expect(findings[0]?.resources).toEqual(['bob', 'ops']);
  });

  it('fires on a role policy whose single Statement is an object with string fields', () => {
    const event = adminRolePolicy();

    expect(detect(iamPolicyGrantsFullAdmin, event)[0]?.summary).toContain(
      'inline policy boost on role lambda-exec',
    );
  });

  it('fires on a URL-encoded group policy written by an SSO session', () => {
    const event = putUserPolicy({
      eventName: 'PutGroupPolicy',
      userIdentity: identities.ssoUser(),
      requestParameters: {
        groupName: 'Developers',
        policyName: 'all',
        policyDocument: encodeURIComponent(FULL_ADMIN_DOC),
      },
    });

    expect(detect(iamPolicyGrantsFullAdmin, event)).toHaveLength(1);
  });

  it('fires on CreatePolicy and reports the new policy ARN from the response', () => {
    const event = putUserPolicy({
      eventName: 'CreatePolicy',
      userIdentity: identities.root(),
      requestParameters: { policyName: 'break-glass', path: '/', policyDocument: FULL_ADMIN_DOC },
      responseElements: {
        policy: {
          policyName: 'break-glass',
          policyId: 'ANPAEXAMPLEPOLICYID',
          arn: 'arn:aws:iam::111122223333:policy/break-glass',
          path: '/',
          defaultVersionId: 'v1',
          attachmentCount: 0,
          isAttachable: true,
        },
      },
    });

    const [finding] = detect(iamPolicyGrantsFullAdmin, event);

    expect(finding?.summary).toContain('new managed policy break-glass');
    expect(finding?.resources).toEqual(['arn:aws:iam::111122223333:policy/break-glass']);
  });

  it('says whether a new policy version was set as default', () => {
    const version = (setAsDefault: unknown) =>
      putUserPolicy({
        eventName: 'CreatePolicyVersion',
        requestParameters: {
          policyArn: 'arn:aws:iam::111122223333:policy/ops',
          policyDocument: FULL_ADMIN_DOC,
          setAsDefault,
        },
      });

    expect(detect(iamPolicyGrantsFullAdmin, version(true))[0]?.summary).toContain(
      'new version of arn:aws:iam::111122223333:policy/ops (set as default, in force now)',
    );
    expect(detect(iamPolicyGrantsFullAdmin, version(false))[0]?.summary).toContain(
      '(not set as default, inactive until promoted)',
    );
  });

  it('fires when one statement of several grants everything', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
        { Effect: 'Allow', Action: '*', Resource: '*' },
      ],
    });

    expect(detect(iamPolicyGrantsFullAdmin, withDocument(doc))).toHaveLength(1);
  });

  it('ignores a read-only policy on every resource', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }],
    });

    expect(detect(iamPolicyGrantsFullAdmin, withDocument(doc))).toEqual([]);
  });

  it('ignores every action on one specific resource', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::team-bucket/*' },
    });

    expect(detect(iamPolicyGrantsFullAdmin, withDocument(doc))).toEqual([]);
  });

  it('ignores a Deny of everything', () => {
    const doc = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'DenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] }],
    });

    expect(detect(iamPolicyGrantsFullAdmin, withDocument(doc))).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(
      detect(iamPolicyGrantsFullAdmin, failed(putUserPolicy(), 'MalformedPolicyDocument')),
    ).toEqual([]);
  });

  it('ignores documents that are missing, malformed or not policies', () => {
    for (const doc of [
      undefined,
      null,
      42,
      '',
      '{not json',
      '%E0%A4%A',
      '["*"]',
      'x'.repeat(200_000),
    ]) {
      expect(detect(iamPolicyGrantsFullAdmin, withDocument(doc))).toEqual([]);
    }
    expect(detect(iamPolicyGrantsFullAdmin, putUserPolicy({ requestParameters: null }))).toEqual(
      [],
    );
  });

  it('ignores other services and IAM calls that do not write policy documents', () => {
    expect(
      detect(
        iamPolicyGrantsFullAdmin,
        putUserPolicy({ eventSource: 'organizations.amazonaws.com' }),
      ),
    ).toEqual([]);
    expect(
      detect(iamPolicyGrantsFullAdmin, putUserPolicy({ eventName: 'UpdateAssumeRolePolicy' })),
    ).toEqual([]);
  });
});
