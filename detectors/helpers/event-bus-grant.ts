import type { CloudTrailEvent } from '../types.js';
import { asString, getPath } from './fields.js';
import { accountFromArn, accountOf } from './identity.js';

/** What an EventBridge PutPermission call adds to a bus policy, as one policy document. */
export interface BusPolicyChange {
  readonly bus: string;
  /** The account that owns the bus. */
  readonly owner: string;
  /** A policy as `readTypedPolicy` reads it: the `Policy` JSON string, or the statement the legacy fields mean. */
  readonly policy: unknown;
}

function text(value: unknown): string | undefined {
  const s = asString(value)?.trim();
  return s ? s : undefined;
}

/**
 * The legacy fields (`principal`, `action`, `condition {type, key, value}`) as the
 * statement EventBridge writes for them, so one evaluator judges both spellings.
 * A principal of `*` stays `*`; an account id becomes `{"AWS": id}`.
 */
function legacyStatement(request: unknown): Record<string, unknown> | undefined {
  const principal = text(getPath(request, 'principal'));
  if (!principal) return undefined;
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Principal: principal === '*' ? '*' : { AWS: principal },
    Action: text(getPath(request, 'action')) ?? 'events:PutEvents',
    Resource: '*',
  };
  const type = text(getPath(request, 'condition', 'type'));
  const key = text(getPath(request, 'condition', 'key'));
  const value = text(getPath(request, 'condition', 'value'));
  if (type && key && value) statement.Condition = { [type]: { [key]: value } };
  return { Version: '2012-10-17', Statement: [statement] };
}

/**
 * The grant a PutPermission call makes: the full `policy` when given (it replaces
 * the bus policy), else the statement its legacy fields add. Undefined when the
 * call carries neither.
 */
export function busPolicyChangeOf(event: CloudTrailEvent): BusPolicyChange | undefined {
  const request = event.requestParameters;
  const named = text(getPath(request, 'eventBusName'));
  const bus = named ?? 'default';
  const owner = accountFromArn(named) ?? accountOf(event);
  const policy = getPath(request, 'policy');
  if (typeof policy === 'string' ? policy.trim() !== '' : typeof policy === 'object' && policy) {
    return { bus, owner, policy };
  }
  const legacy = legacyStatement(request);
  return legacy ? { bus, owner, policy: legacy } : undefined;
}
