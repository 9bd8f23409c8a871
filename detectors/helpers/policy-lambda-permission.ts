import type { ConditionEntry, PolicyStatement } from '../semantics/index.js';
import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { classifyPrincipal, embeddedAccount } from './resource-principal.js';

/**
 * The statement an AddPermission or AddLayerVersionPermission call adds to the
 * function's or layer's policy, built from the request as Lambda builds it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html): the
 * principal, the action, and each optional request field as the condition it
 * becomes. Read from the request, not the logged response statement, so a
 * record with the response stripped is judged the same.
 */
function field(event: CloudTrailEvent, key: string): string | undefined {
  const value = asString(getPath(event.requestParameters, key))?.trim();
  return value ? value : undefined;
}

/** Request field → the condition Lambda writes for it. */
const FUNCTION_CONDITIONS: readonly [string, string, string][] = [
  ['sourceArn', 'ArnLike', 'aws:sourcearn'],
  ['sourceAccount', 'StringEquals', 'aws:sourceaccount'],
  ['principalOrgID', 'StringEquals', 'aws:principalorgid'],
  ['eventSourceToken', 'StringEquals', 'lambda:eventsourcetoken'],
  ['functionUrlAuthType', 'StringEquals', 'lambda:functionurlauthtype'],
];
const LAYER_CONDITIONS: readonly [string, string, string][] = [
  ['organizationId', 'StringEquals', 'aws:principalorgid'],
];

/** The granted statement, or undefined when the request names no principal Lambda would accept. */
export function lambdaPermissionStatement(
  event: CloudTrailEvent,
  layer: boolean,
): PolicyStatement | undefined {
  const principal = classifyPrincipal(getPath(event.requestParameters, 'principal'));
  if (!principal) return undefined;
  const aws: string[] = [];
  const service: string[] = [];
  if (principal.kind === 'account') aws.push(principal.account);
  if (principal.kind === 'service') service.push(principal.service);
  if (principal.kind === 'unknown') {
    const account = embeddedAccount(principal.value);
    if (account) aws.push(account);
  }
  const conditions: ConditionEntry[] = [];
  for (const [name, operator, key] of layer ? LAYER_CONDITIONS : FUNCTION_CONDITIONS) {
    const value = field(event, name);
    if (value !== undefined) conditions.push({ operator, key, values: [value] });
  }
  return {
    effect: 'Allow',
    principal: {
      anyone: principal.kind === 'anyone',
      aws,
      service,
      federated: [],
      canonicalUser: [],
    },
    actions: {
      mode: 'only',
      patterns: [
        field(event, 'action') ?? (layer ? 'lambda:GetLayerVersion' : 'lambda:InvokeFunction'),
      ],
    },
    resources: { mode: 'except', patterns: [] },
    conditions,
  };
}
