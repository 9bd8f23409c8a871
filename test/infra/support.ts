import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { DetectorHandlers } from '../../infra/lib/detector-functions.js';
import { createTrailwatchStack } from '../../infra/lib/trailwatch-app.js';
import type { TrailwatchStack } from '../../infra/lib/trailwatch-stack.js';

/** The feature flags `cdk synth` uses, so tests build what a deploy builds. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8'),
).context;

/** Unit tests never bundle: the code asset is a placeholder, so no handler code is needed. */
export const STUB_HANDLERS: DetectorHandlers = {
  ingest: fileURLToPath(new URL('./fixtures/stub-handler.ts', import.meta.url)),
  fastPath: fileURLToPath(new URL('./fixtures/stub-handler.ts', import.meta.url)),
  metrics: fileURLToPath(new URL('./fixtures/stub-handler.ts', import.meta.url)),
};

/**
 * An App with cdk.json's flags, the given trailwatch context, and bundling switched off.
 * CDK's built-in CloudFormation validation (a WASM engine, ~6 s of CPU per synthesis) runs
 * only where `validate` is set: the nag and bundle tests, which synthesize as `cdk synth` does.
 */
export function testApp(context: Record<string, unknown> = {}, validate = false): App {
  return new App({
    context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: validate,
  });
}

/** The trailwatch stack built from `context` exactly as infra/bin/app.ts builds it. */
export function buildStack(context: Record<string, unknown> = {}): TrailwatchStack {
  return createTrailwatchStack(testApp(context), { handlers: STUB_HANDLERS });
}

/** The synthesized template of {@link buildStack}. */
export function synth(context: Record<string, unknown> = {}): Template {
  return Template.fromStack(buildStack(context));
}

/** A CloudFormation resource as found in a template. */
export interface CfnResourceJson {
  readonly Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template JSON; tests assert its shape
  readonly Properties?: Record<string, any>;
  readonly DependsOn?: string | string[];
}

/** Resources of `type`, keyed by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, CfnResourceJson> {
  return template.findResources(type) as Record<string, CfnResourceJson>;
}

/** The only resource of `type` (fails if there are several or none). */
export function onlyResource(template: Template, type: string): CfnResourceJson {
  const all = Object.values(resourcesOf(template, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0] as CfnResourceJson;
}

/** Context of an existing organization trail bucket, as Control Tower sets one up. */
export const CONTROL_TOWER_CONTEXT = {
  existingTrailBucketName: 'aws-controltower-logs-111122223333-eu-west-1',
  existingTrailBucketAccount: '111122223333',
  existingTrailKmsKeyArn:
    'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  trailKeyPrefix: 'o-a1b2c3d4e5',
  organizationId: 'o-a1b2c3d4e5',
};

/** An IAM policy statement as synthesized. */
export interface StatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
  readonly Sid?: string;
}

/** Every statement of the identity policies attached to the role whose logical id starts with `rolePrefix`. */
export function roleStatements(template: Template, rolePrefix: string): StatementJson[] {
  const roleIds = Object.keys(resourcesOf(template, 'AWS::IAM::Role')).filter((id) =>
    id.startsWith(rolePrefix),
  );
  if (roleIds.length !== 1)
    throw new Error(`expected one role ${rolePrefix}*, found ${roleIds.length}`);
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) =>
      (policy.Properties?.Roles as { Ref: string }[] | undefined)?.some(
        (role) => role.Ref === roleIds[0],
      ),
    )
    .flatMap((policy) => policy.Properties?.PolicyDocument.Statement as StatementJson[]);
}
