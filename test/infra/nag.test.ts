import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { nagAcknowledgements } from '../../infra/lib/acknowledgements.js';
import { addSecurityChecks, createTrailwatchStack } from '../../infra/lib/trailwatch-app.js';
import type { TrailwatchStack } from '../../infra/lib/trailwatch-stack.js';
import { CONTROL_TOWER_CONTEXT, STUB_HANDLERS, testApp } from './support.js';

/** cdk-nag runs in its own App: with it attached, Template.fromStack would throw. */
function nagApp(context: Record<string, unknown> = {}): { app: App; stack: TrailwatchStack } {
  const app = testApp(context, true);
  const stack = createTrailwatchStack(app, { handlers: STUB_HANDLERS });
  addSecurityChecks(app);
  return { app, stack };
}

/** Synthesizes; on failure, the rule names and construct paths from the validation report. */
function nagFindings(app: App): string[] {
  try {
    app.synth();
    return [];
  } catch (error) {
    const reportPath = join(app.outdir, 'validation-report.json');
    if (!existsSync(reportPath)) throw error;
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    return report.pluginReports.flatMap(
      (plugin: {
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
      }) =>
        plugin.violations.flatMap((v) =>
          v.violatingConstructs.map((c) => `${v.ruleName} @ ${c.constructPath}`),
        ),
    );
  }
}

// A full synthesis with every rule pack evaluated takes seconds on a loaded machine.
describe('cdk-nag AwsSolutions', { timeout: 120_000 }, () => {
  it('passes with a new trail', () => {
    expect(nagFindings(nagApp().app)).toEqual([]);
  });

  it('passes with an existing organization trail bucket, subscriptions and every switch on', () => {
    const { app } = nagApp({
      ...CONTROL_TOWER_CONTEXT,
      fastPathReadOnlyEvents: true,
      alertSubscriptions: [
        { protocol: 'email', endpoint: 'oncall@example.com', severities: ['critical'] },
      ],
      opsSubscriptions: [{ protocol: 'https', endpoint: 'https://hooks.example.com/ops' }],
    });

    expect(nagFindings(app)).toEqual([]);
  });

  it('passes with a new organization trail', () => {
    expect(nagFindings(nagApp({ organizationId: 'o-a1b2c3d4e5' }).app)).toEqual([]);
  });

  it('fails synthesis on a finding nobody acknowledged', () => {
    // Prepare: a wildcard the acknowledgements do not cover.
    const { app, stack } = nagApp();
    stack.detectors.fastPath.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::other/*'] }),
    );

    // Act / Assess
    expect(nagFindings(app)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:aws:s3:::other/*] @ Trailwatch/Detectors/FastPath/Role/DefaultPolicy/Resource',
    ]);
  });

  it('keeps every acknowledgement in one list, each with a reason worth reading', () => {
    const { stack } = nagApp();
    const acknowledgements = nagAcknowledgements(stack);

    expect(acknowledgements.map((a) => `${a.id} @ ${a.construct.node.path}`)).toEqual([
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::trailwatch-cloudtrail-<AWS::AccountId>-<AWS::Region>/AWSLogs/*] @ Trailwatch/Detectors/Ingest/Role',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::trailwatch-access-logs-{"Fn::Select":[2,{"Fn::Split":["/",{"Ref":"AWS::StackId"}]}]}/s3-access-logs/*] @ Trailwatch/Detectors/Ingest/Role',
      'AwsSolutions-IAM5[Resource::*] @ Trailwatch/Detectors/Metrics/Function/Role',
      'AwsSolutions-SQS3 @ Trailwatch/Detectors/FastPathDeadLetterQueue',
      'AwsSolutions-SQS3 @ Trailwatch/AlertTopics/DeliveryDeadLetterQueue',
    ]);
    for (const { reason } of acknowledgements) expect(reason.length).toBeGreaterThan(80);
  });
});
