import type { Template } from 'aws-cdk-lib/assertions';
import { resourcesOf, type StatementJson } from './support.js';

/** Identity policies: where a wildcard grants a principal more than it needs. */
const IDENTITY_POLICY_TYPES = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'];
/** Resource policies (KMS key policies excepted: there `Resource: *` means "this key"). */
const RESOURCE_POLICY_TYPES = [
  'AWS::S3::BucketPolicy',
  'AWS::SQS::QueuePolicy',
  'AWS::SNS::TopicPolicy',
];

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Actions IAM authorises only on Resource `*` (no resource-level permissions) that trailwatch
 * needs: a statement of only these may name `*` (the invocation-spike detector's reads).
 */
export const RESOURCE_WILDCARD_ONLY_ACTIONS: readonly string[] = [
  'cloudwatch:GetMetricData',
  'cloudwatch:ListMetrics',
];

/**
 * Breaches of the project's IAM rule in a synthesized template: an Allow with Action `*` or
 * `service:*`, with Resource `*` (unless every action is in `wildcardOnly`), or with
 * NotAction/NotResource; in resource policies also an Allow to principal `*`. Each breach
 * names its resource and statement.
 */
export function iamViolations(
  template: Template,
  wildcardOnly: readonly string[] = RESOURCE_WILDCARD_ONLY_ACTIONS,
): string[] {
  const violations: string[] = [];
  const check = (
    where: string,
    statement: StatementJson & Record<string, unknown>,
    resourcePolicy: boolean,
  ) => {
    if (statement.Effect !== 'Allow') return;
    const label = `${where} ${statement.Sid ?? JSON.stringify(statement.Action)}`;
    for (const action of asArray(statement.Action)) {
      if (action === '*' || action.endsWith(':*')) violations.push(`${label}: Action ${action}`);
    }
    const actions = asArray(statement.Action);
    const needsWildcard =
      !resourcePolicy && actions.length > 0 && actions.every((a) => wildcardOnly.includes(a));
    for (const resource of asArray(statement.Resource)) {
      if (resource === '*' && !needsWildcard) violations.push(`${label}: Resource *`);
    }
    if ('NotAction' in statement) violations.push(`${label}: NotAction`);
    if ('NotResource' in statement) violations.push(`${label}: NotResource`);
    if (resourcePolicy && JSON.stringify(statement.Principal) === '"*"')
      violations.push(`${label}: Principal *`);
    if (resourcePolicy && JSON.stringify(statement.Principal) === '{"AWS":"*"}') {
      violations.push(`${label}: Principal AWS *`);
    }
  };
  for (const type of [...IDENTITY_POLICY_TYPES, ...RESOURCE_POLICY_TYPES]) {
    for (const [id, resource] of Object.entries(resourcesOf(template, type))) {
      for (const statement of resource.Properties?.PolicyDocument?.Statement ?? []) {
        check(id, statement, RESOURCE_POLICY_TYPES.includes(type));
      }
    }
  }
  for (const [id, role] of Object.entries(resourcesOf(template, 'AWS::IAM::Role'))) {
    for (const policy of role.Properties?.Policies ?? []) {
      for (const statement of policy.PolicyDocument?.Statement ?? []) check(id, statement, false);
    }
  }
  return violations;
}

/** `action → resources` of a role's statements, to compare with what its handler does. */
export function grantsOf(statements: readonly StatementJson[]): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const statement of statements) {
    if (statement.Effect !== 'Allow') continue;
    for (const action of asArray(statement.Action)) {
      grants[action] = [
        ...(grants[action] ?? []),
        ...asArray(statement.Resource).map((r) => JSON.stringify(r)),
      ].sort();
    }
  }
  return grants;
}
