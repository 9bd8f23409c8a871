import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { lambdaExecutionRoleChanged } from '../../../detectors/lambda/lambda-execution-role-changed.js';
import type { CloudTrailEvent } from '../../../detectors/types.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

const ROLE = `arn:aws:iam::${ACCOUNT}:role/service-role/orders-api-role`;
const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/AdminRole`;

/** A full configuration update as CloudFormation sends it: the role restated every time. */
function deploy(day: number, role = ROLE, functionName = 'orders-api'): CloudTrailEvent {
  return cloudTrailEvent({
    eventTime: new Date(Date.parse('2026-11-01T10:00:00Z') + day * 86_400_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'lambda.amazonaws.com',
    eventName: 'UpdateFunctionConfiguration20150331v2',
    userIdentity: { ...identities.assumedRole('github-actions-deploy', 'GitHubActions') },
    sourceIPAddress: 'cloudformation.amazonaws.com',
    requestParameters: { functionName, role, memorySize: 512, timeout: 30 },
  });
}

const keyOf = (event: CloudTrailEvent) =>
  detect(lambdaExecutionRoleChanged, event)[0]?.firstSeenKey;

describe('Detector: lambda-execution-role-changed', () => {
  it('keys on the function and role, whoever restates them and however the function is named', () => {
    const byArn = deploy(0, ROLE, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:orders-api`);
    const byPerson = { ...deploy(0), userIdentity: identities.ssoUser('ana@example.com') };

    expect(keyOf(byArn)).toBe(keyOf(deploy(0)));
    expect(keyOf(byPerson)).toBe(keyOf(deploy(0)));
    expect(keyOf(deploy(0, ADMIN_ROLE))).not.toBe(keyOf(deploy(0)));
    expect(keyOf(deploy(0, ROLE, 'payments-webhook'))).not.toBe(keyOf(deploy(0)));
  });

  it('stays quiet on redeployments that restate the role, and alerts once on a new role', async () => {
    // Prepare: daily deployments for a month; the role is swapped on day 20
    const engineFindings = Array.from({ length: 30 }, (_, day) =>
      detect(lambdaExecutionRoleChanged, deploy(day, day === 20 ? ADMIN_ROLE : ROLE)),
    ).flat();
    const aggregator = new AlertAggregator();

    // Act
    await aggregator.addAll(engineFindings);
    const { alerts } = await aggregator.flush();

    // Assess
    expect(alerts.map((a) => a.summary)).toEqual([expect.stringContaining(`to ${ADMIN_ROLE}`)]);
  });
});
