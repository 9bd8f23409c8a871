import { describe, expect, it } from 'vitest';
import { iamRoleTrustPolicyBackdoor } from '../../../detectors/iam/iam-role-trust-policy-backdoor.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, OTHER_ACCOUNT } from '../../helpers/events.js';

const doc = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });

const updateTrust = (policyDocument: unknown) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UpdateAssumeRolePolicy',
    requestParameters: { roleName: 'DeployRole', policyDocument },
  });

const allow = (Principal: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal,
  Action: 'sts:AssumeRole',
  ...extra,
});

const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const githubWithSub = (operator: string, sub: string) =>
  doc({
    Effect: 'Allow',
    Principal: { Federated: GITHUB },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      [operator]: { 'token.actions.githubusercontent.com:sub': sub },
    },
  });

describe('Detector: iam-role-trust-policy-backdoor', () => {
  it('is critical when anyone may assume the role, and names the role', () => {
    const finding = detect(
      iamRoleTrustPolicyBackdoor,
      updateTrust(JSON.stringify(doc(allow('*')))),
    )[0];

    expect(finding?.severity).toBe('critical');
    expect(finding?.summary).toContain('anyone');
    expect(finding?.summary).toContain('DeployRole');
  });

  it('reads URL-encoded documents', () => {
    const encoded = encodeURIComponent(JSON.stringify(doc(allow({ AWS: OTHER_ACCOUNT }))));

    const finding = detect(iamRoleTrustPolicyBackdoor, updateTrust(encoded))[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain(`account ${OTHER_ACCOUNT}`);
  });

  it('stays critical when `*` is only guarded by an external id (anyone who learns it gets in)', () => {
    const policy = doc(allow('*', { Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }));

    expect(
      detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)))[0]?.severity,
    ).toBe('critical');
  });

  it('treats NotPrincipal as anyone', () => {
    const policy = doc({
      Effect: 'Allow',
      NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:user/x` },
      Action: 'sts:AssumeRole',
    });

    expect(
      detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)))[0]?.severity,
    ).toBe('critical');
  });

  it('does not fire for `*` pinned to a trusted organisation', () => {
    const policy = doc(
      allow(
        { AWS: '*' },
        { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } } },
      ),
    );

    const findings = detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)), {
      trustedOrganizationIds: ['o-abc123def4'],
    });

    expect(findings).toEqual([]);
  });

  it('fires high for `*` pinned by condition to a foreign account', () => {
    const policy = doc(
      allow(
        { AWS: '*' },
        { Condition: { StringEquals: { 'aws:PrincipalAccount': OTHER_ACCOUNT } } },
      ),
    );

    const finding = detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)))[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain(OTHER_ACCOUNT);
  });

  it('ignores a foreign account in a Deny statement', () => {
    const policy = doc(allow({ Service: 'ec2.amazonaws.com' }), {
      Effect: 'Deny',
      Principal: { AWS: OTHER_ACCOUNT },
      Action: 'sts:AssumeRole',
    });

    expect(detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)))).toEqual([]);
  });

  it('ignores SAML providers and deleted principals (unique ids)', () => {
    const policy = doc(
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/Okta` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
      allow({ AWS: 'AROAEXAMPLEDELETEDROLE' }),
    );

    expect(detect(iamRoleTrustPolicyBackdoor, updateTrust(JSON.stringify(policy)))).toEqual([]);
  });

  it.each([
    ['StringLike', 'repo:*'],
    ['StringLike', 'repo:example-org*'],
    ['StringLike', '*'],
    ['StringNotLike', 'repo:example-org/*'],
  ])('fires when GitHub OIDC is trusted with %s sub %s', (operator, sub) => {
    const finding = detect(
      iamRoleTrustPolicyBackdoor,
      updateTrust(JSON.stringify(githubWithSub(operator, sub))),
    )[0];

    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('token.actions.githubusercontent.com');
  });

  it.each([
    'repo:example-org/*',
    'repo:example-org/api:ref:refs/heads/main',
    'repo:example-org/api:environment:production',
  ])('does not fire when GitHub OIDC sub is pinned (%s)', (sub) => {
    const event = updateTrust(JSON.stringify(githubWithSub('StringLike', sub)));

    expect(detect(iamRoleTrustPolicyBackdoor, event)).toEqual([]);
  });

  it('reads the CreateRole document and reports the returned role ARN', () => {
    const arn = `arn:aws:iam::${ACCOUNT}:role/service/vendor-access`;
    const event = cloudTrailEvent({
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateRole',
      requestParameters: {
        roleName: 'vendor-access',
        path: '/service/',
        assumeRolePolicyDocument: JSON.stringify(
          doc(allow({ AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` })),
        ),
      },
      responseElements: { role: { arn, roleName: 'vendor-access' } },
    });

    expect(detect(iamRoleTrustPolicyBackdoor, event)[0]?.resources).toEqual([arn]);
  });

  it.each([
    ['null request', null],
    ['document not JSON', { roleName: 'r', policyDocument: '{not json' }],
    ['document of the wrong type', { roleName: 'r', policyDocument: 42 }],
    ['statement list of junk', { roleName: 'r', policyDocument: '{"Statement":[1,"x",null]}' }],
    [
      'principal of odd types',
      {
        roleName: 'r',
        policyDocument: '{"Statement":{"Effect":"Allow","Principal":{"AWS":[1,{}]}}}',
      },
    ],
  ])('does not fire or throw on %s', (_name, requestParameters) => {
    const event = cloudTrailEvent({
      eventSource: 'iam.amazonaws.com',
      eventName: 'UpdateAssumeRolePolicy',
      requestParameters: requestParameters as Record<string, unknown> | null,
    });

    expect(detect(iamRoleTrustPolicyBackdoor, event)).toEqual([]);
  });
});
