import { describe, expect, it } from 'vitest';
import { unpinnedCiIssuers } from '../../../detectors/helpers/oidc-trust.js';
import { readPolicy } from '../../../detectors/semantics/index.js';

const trusting = (federated: string, condition: Record<string, unknown>) =>
  readPolicy({
    Statement: {
      Effect: 'Allow',
      Principal: { Federated: federated },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: condition,
    },
  })?.statements[0];

const provider = (host: string) => `arn:aws:iam::111122223333:oidc-provider/${host}`;

describe('unpinnedCiIssuers', () => {
  it('flags GitLab.com trusted for any project', () => {
    const statement = trusting(provider('gitlab.com'), {
      StringEquals: { 'gitlab.com:aud': 'https://gitlab.com' },
    });

    expect(statement && unpinnedCiIssuers(statement)).toEqual(['gitlab.com']);
  });

  it('accepts GitLab.com pinned to one group', () => {
    const statement = trusting(provider('gitlab.com'), {
      StringLike: { 'gitlab.com:sub': 'project_path:my-group/*:ref_type:branch:ref:main' },
    });

    expect(statement && unpinnedCiIssuers(statement)).toEqual([]);
  });

  it('requires every listed sub value to pin an owner', () => {
    const statement = trusting(provider('token.actions.githubusercontent.com'), {
      'ForAnyValue:StringLike': {
        'token.actions.githubusercontent.com:sub': ['repo:my-org/*', 'repo:*'],
      },
    });

    expect(statement && unpinnedCiIssuers(statement)).toEqual([
      'token.actions.githubusercontent.com',
    ]);
  });

  it('counts IfExists as a pin (every token has a sub) but not a negated operator', () => {
    const key = 'token.actions.githubusercontent.com:sub';
    const github = provider('token.actions.githubusercontent.com');
    const ifExists = trusting(github, { StringLikeIfExists: { [key]: 'repo:my-org/*' } });
    const negated = trusting(github, { StringNotLike: { [key]: 'repo:my-org/*' } });

    expect(ifExists && unpinnedCiIssuers(ifExists)).toEqual([]);
    expect(negated && unpinnedCiIssuers(negated)).toEqual(['token.actions.githubusercontent.com']);
  });

  it('reads the sub key of a GitHub Enterprise issuer path', () => {
    const host = 'token.actions.githubusercontent.com/my-enterprise';
    const statement = trusting(provider(host), {
      StringLike: { [`${host}:sub`]: 'repo:my-org/*' },
    });

    expect(statement && unpinnedCiIssuers(statement)).toEqual([]);
  });

  it('leaves per-customer and non-CI issuers alone', () => {
    for (const issuer of [
      provider('oidc.circleci.com/org/0f5b6c1e-8d1e-4c3a-9a57-3c9e1b2a7d10'),
      'accounts.google.com',
      provider('oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF'),
    ]) {
      const statement = trusting(issuer, {});
      expect(statement && unpinnedCiIssuers(statement)).toEqual([]);
    }
  });
});
