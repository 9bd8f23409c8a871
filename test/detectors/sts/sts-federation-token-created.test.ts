import { describe, expect, it } from 'vitest';
import { stsFederationTokenCreated } from '../../../detectors/sts/sts-federation-token-created.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const federation = (requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetFederationToken',
    requestParameters,
  });

describe('Detector: sts-federation-token-created', () => {
  it('is high when AdministratorAccess is passed by ARN', () => {
    const event = federation({
      name: 'ops',
      policyArns: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
    });

    expect(detect(stsFederationTokenCreated, event)[0]?.severity).toBe('high');
  });

  it('is high when the session policy is logged parsed, as an object', () => {
    const event = federation({
      name: 'admin',
      policy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      },
    });

    expect(detect(stsFederationTokenCreated, event)[0]?.summary).toContain('full permissions');
  });

  it('stays medium for a scoped policy or a look-alike managed policy', () => {
    const event = federation({
      name: 'ops',
      policyArns: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess-Amplify' }],
      policy: '{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}',
    });

    expect(detect(stsFederationTokenCreated, event)[0]?.severity).toBe('medium');
  });

  it('fires at medium without throwing when requestParameters is null', () => {
    expect(detect(stsFederationTokenCreated, federation(null))[0]?.severity).toBe('medium');
  });
});
