import type { Template } from './background/template.js';
import type { Rng } from './prng.js';
import type { Call } from './record.js';
import { MINUTE } from './time.js';

/**
 * Occasional failures, as real trails show them, spread so thinly that no
 * threshold detector (access-denied bursts, login failures) fires by accident:
 * an access-denied error is dropped when the same principal already had
 * `capPerWindow` of them in the same five-minute bucket.
 */

const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  'monitoring.amazonaws.com': 'cloudwatch',
};

type CallFacts = Pick<Call, 'source' | 'name' | 'actor'>;

function actionOf(call: CallFacts): string {
  const prefix = SERVICE_PREFIX[call.source] ?? call.source.slice(0, call.source.indexOf('.'));
  return `${prefix}:${call.name.replace(/20\d{6}(?:v\d+)?$/, '')}`;
}

function callerArn(call: CallFacts): string {
  const identity = call.actor.identity;
  return typeof identity.arn === 'string' ? identity.arn : call.actor.key;
}

/** The message AWS returns with each code, shaped after the real ones. */
export function errorMessageFor(code: string, call: CallFacts): string {
  const action = actionOf(call);
  switch (code) {
    case 'AccessDenied':
      return call.source === 's3.amazonaws.com'
        ? 'Access Denied'
        : `User: ${callerArn(call)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
    case 'AccessDeniedException':
      return `User: ${callerArn(call)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
    case 'Client.UnauthorizedOperation':
      return 'You are not authorized to perform this operation.';
    case 'Client.RequestLimitExceeded':
      return 'Request limit exceeded.';
    case 'ThrottlingException':
    case 'Throttling':
      return 'Rate exceeded';
    case 'TooManyRequestsException':
      return 'Rate Exceeded.';
    case 'SlowDown':
      return 'Please reduce your request rate.';
    case 'NoSuchBucketPolicy':
      return 'The bucket policy does not exist';
    case 'NoSuchTagSet':
      return 'The TagSet does not exist';
    case 'NoSuchKey':
      return 'The specified key does not exist.';
    case 'NoSuchEntityException':
      return 'The role with name cannot be found.';
    case 'ParameterNotFound':
      return 'Parameter not found.';
    case 'ValidationError':
      return 'Stack does not exist';
    case 'InvalidIdentityToken':
      return 'Token expired: current date/time is after the token expiration.';
    default:
      return `${code}`;
  }
}

/** Error codes that CIS / Security Hub count as unauthorized calls. */
export function isAccessDeniedCode(code: string): boolean {
  return code.startsWith('AccessDenied') || code.endsWith('UnauthorizedOperation');
}

export class ErrorInjector {
  private readonly perWindow = new Map<string, number>();

  constructor(
    private readonly baseRate: number,
    private readonly capPerWindow = 2,
  ) {}

  /** Maybe turns the call into a failure; returns true when it did. */
  apply(rng: Rng, template: Template, call: Call): boolean {
    const codes = template.errors;
    if (!codes || codes.length === 0) return false;
    if (!rng.chance(template.errorRate ?? this.baseRate)) return false;
    const code = rng.pick(codes);
    if (isAccessDeniedCode(code) && !this.admit(call)) return false;
    call.errorCode = code;
    call.errorMessage = errorMessageFor(code, call);
    call.responseElements = null;
    return true;
  }

  private admit(call: Call): boolean {
    const key = `${call.actor.key}|${Math.floor(call.time / (5 * MINUTE))}`;
    const seen = this.perWindow.get(key) ?? 0;
    if (seen >= this.capPerWindow) return false;
    this.perWindow.set(key, seen + 1);
    return true;
  }
}
