import { describe, expect, it } from 'vitest';
import { unpinnedCiIssuers } from '../../../detectors/helpers/oidc-trust.js';
import { readTypedPolicy } from '../../../detectors/helpers/policy-exposure.js';

const trusting = (federated: string, condition: Record<string, unknown>) =>
  readTypedPolicy({
    Statement: {
      Effect: 'Allow',
      Principal: { Federated: federated },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    },
  })?.[0];

const provider = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;

describe('unpinnedCiIssuers', () => {
  it('flags GitLab.com trusted for any project', () => {
    const typed = trusting(provider('gitlab.com'), {
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' },
    });

    expect(typed && unpinnedCiIssuers(typed)).toEqual(['gitlab.com']);
  });

  it('accepts GitLab.com pinned to one group', () => {
    const typed = trusting(provider('gitlab.com'), {
      StringLike: { 'gitlab.com:sub': 'project_path:my-group/*:ref_type:branch:ref:main' },
    });

    expect(typed && unpinnedCiIssuers(typed)).toEqual([]);
  });

  it('requires every listed sub value to pin an owner', () => {
    const typed = trusting(provider('token.actions.githubusercontent.com'), {
      'ForAnyValue:StringLike': {
        'token.actions.githubusercontent.com:sub': ['repo:my-org/*', 'repo:*'],
      },
    });

    expect(typed && unpinnedCiIssuers(typed)).toEqual(['token.actions.githubusercontent.com']);
  });

  it('reads the sub key of a GitHub Enterprise issuer path', () => {
    const host = 'token.actions.githubusercontent.com/my-enterprise';
    const typed = trusting(provider(host), {
      StringLike: { [`${host}:sub`]: 'repo:my-org/*' },
    });

    expect(typed && unpinnedCiIssuers(typed)).toEqual([]);
  });

  it('leaves per-customer and non-CI issuers alone', () => {
    for (const issuer of [
      provider('oidc.circleci.com/org/0f5b6c1e-8d1e-4c3a-9a57-3c9e1b2a7d10'),
      'accounts.google.com',
      provider('oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF'),
    ]) {
      const typed = trusting(issuer, {});
      expect(typed && unpinnedCiIssuers(typed)).toEqual([]);
    }
  });
});
