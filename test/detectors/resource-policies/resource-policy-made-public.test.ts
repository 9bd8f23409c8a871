import { describe, expect, it } from 'vitest';
import { resourcePolicyMadePublic } from '../../../detectors/resource-policies/resource-policy-made-public.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent } from '../../helpers/events.js';

const open = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: '*', Resource: '*' }],
});

const call = (
  eventSource: string,
  eventName: string,
  requestParameters: Record<string, unknown>,
  responseElements: Record<string, unknown> | null = null,
) => cloudTrailEvent({ eventSource, eventName, requestParameters, responseElements });

describe('Detector: resource-policy-made-public', () => {
  it('reads the policy of a new SNS topic and names it by the returned ARN', () => {
    const arn = `arn:aws:sns:us-east-1:${ACCOUNT}:new-topic`;
    const finding = detect(
      resourcePolicyMadePublic,
      call(
        'sns.amazonaws.com',
        'CreateTopic',
        { name: 'new-topic', attributes: { Policy: open } },
        { topicArn: arn },
      ),
    )[0];

    expect(finding?.resources).toEqual([arn]);
    expect(finding?.summary).toContain('SNS topic');
  });

  it('ignores SetTopicAttributes for attributes other than Policy', () => {
    const event = call('sns.amazonaws.com', 'SetTopicAttributes', {
      topicArn: 'arn:aws:sns:us-east-1:1:t',
      attributeName: 'DisplayName',
      attributeValue: open,
    });

    expect(detect(resourcePolicyMadePublic, event)).toEqual([]);
  });

  it('reads Glacier policies wrapped in a policy object or bare', () => {
    for (const policy of [{ policy: open }, open]) {
      const event = call('glacier.amazonaws.com', 'SetVaultAccessPolicy', {
        accountId: '-',
        vaultName: 'archive',
        policy,
      });
      expect(detect(resourcePolicyMadePublic, event)[0]?.summary).toContain(
        'Glacier vault archive',
      );
    }
  });

  it('is high for an open OpenSearch domain policy, medium inside a VPC or with FGAC', () => {
    const update = call('es.amazonaws.com', 'UpdateDomainConfig', {
      domainName: 'logs',
      accessPolicies: open,
    });
    const inVpc = call('es.amazonaws.com', 'CreateDomain', {
      domainName: 'logs',
      accessPolicies: open,
      vPCOptions: { subnetIds: ['subnet-0abc'], securityGroupIds: ['sg-0abc'] },
    });
    const fgac = call('es.amazonaws.com', 'UpdateElasticsearchDomainConfig', {
      domainName: 'logs',
      accessPolicies: open,
      advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: true },
    });

    expect(detect(resourcePolicyMadePublic, update)[0]?.severity).toBe('high');
    expect(detect(resourcePolicyMadePublic, inVpc)[0]?.severity).toBe('medium');
    expect(detect(resourcePolicyMadePublic, fgac)[0]?.severity).toBe('medium');
  });

  it('does not fire for an OpenSearch policy limited to an IP range', () => {
    const policy = JSON.stringify({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'es:*',
          Resource: `arn:aws:es:us-east-1:${ACCOUNT}:domain/logs/*`,
          Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
        },
      ],
    });

    expect(
      detect(
        resourcePolicyMadePublic,
        call('es.amazonaws.com', 'UpdateDomainConfig', {
          domainName: 'logs',
          accessPolicies: policy,
        }),
      ),
    ).toEqual([]);
  });

  it('does not fire for a private CodeBuild project or odd input', () => {
    expect(
      detect(
        resourcePolicyMadePublic,
        call('codebuild.amazonaws.com', 'UpdateProjectVisibility', {
          projectVisibility: 'PRIVATE',
        }),
      ),
    ).toEqual([]);
    expect(
      detect(
        resourcePolicyMadePublic,
        cloudTrailEvent({ eventSource: 'sqs.amazonaws.com', eventName: 'SetQueueAttributes' }),
      ),
    ).toEqual([]);
    expect(
      detect(
        resourcePolicyMadePublic,
        call('ecr.amazonaws.com', 'SetRepositoryPolicy', { policyText: 7 }),
      ),
    ).toEqual([]);
  });

  it('does not react to the same event name from another service', () => {
    const event = call('sqs.amazonaws.com', 'SetRepositoryPolicy', {
      repositoryName: 'x',
      policyText: open,
    });

    expect(detect(resourcePolicyMadePublic, event)).toEqual([]);
  });
});
