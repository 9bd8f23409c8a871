import { arnMatches } from './arn-match.js';
import { addressInCidr } from './source-ip.js';
import { globMatch } from './wildcard.js';

/**
 * The condition operators of the IAM JSON policy reference, evaluated on one
 * concrete request exactly as documented
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html):
 * - a key absent from the request makes a positive operator false and a negated one
 *   (`StringNotEquals`, `NotIpAddress`, `ArnNotLike`…) true; `…IfExists` makes it true;
 * - several policy values are ORed, and NORed for a negated operator;
 * - `ForAnyValue:` is false on an absent key or empty set, `ForAllValues:` is true there;
 * - `Null` tests presence only.
 */
export type Family =
  | 'string'
  | 'stringIgnoreCase'
  | 'stringLike'
  | 'numeric'
  | 'date'
  | 'bool'
  | 'binary'
  | 'ip'
  | 'arn'
  | 'null'
  | 'unknown';

type Comparison = 'eq' | 'lt' | 'lte' | 'gt' | 'gte';

export interface Operator {
  readonly set?: 'all' | 'any';
  readonly family: Family;
  readonly comparison: Comparison;
  readonly negated: boolean;
  readonly ifExists: boolean;
}

/** Undefined: the key is not in the request. Single-valued keys are one-element lists. */
export type RequestValue = readonly string[] | undefined;

const BASES: Readonly<Record<string, [Family, Comparison, boolean]>> = {
  stringequals: ['string', 'eq', false],
  stringnotequals: ['string', 'eq', true],
  stringequalsignorecase: ['stringIgnoreCase', 'eq', false],
  stringnotequalsignorecase: ['stringIgnoreCase', 'eq', true],
  stringlike: ['stringLike', 'eq', false],
  stringnotlike: ['stringLike', 'eq', true],
  numericequals: ['numeric', 'eq', false],
  numericnotequals: ['numeric', 'eq', true],
  numericlessthan: ['numeric', 'lt', false],
  numericlessthanequals: ['numeric', 'lte', false],
  numericgreaterthan: ['numeric', 'gt', false],
  numericgreaterthanequals: ['numeric', 'gte', false],
  dateequals: ['date', 'eq', false],
  datenotequals: ['date', 'eq', true],
  datelessthan: ['date', 'lt', false],
  datelessthanequals: ['date', 'lte', false],
  dategreaterthan: ['date', 'gt', false],
  dategreaterthanequals: ['date', 'gte', false],
  bool: ['bool', 'eq', false],
  binaryequals: ['binary', 'eq', false],
  ipaddress: ['ip', 'eq', false],
  notipaddress: ['ip', 'eq', true],
  arnequals: ['arn', 'eq', false],
  arnlike: ['arn', 'eq', false],
  arnnotequals: ['arn', 'eq', true],
  arnnotlike: ['arn', 'eq', true],
  null: ['null', 'eq', false],
};

/** Operators repeat across statements and events; the cap bounds what hostile input can add. */
const parsed = new Map<string, Operator>();
const MAX_PARSED = 512;

/** Reads `ForAnyValue:StringLikeIfExists` and the like (case-insensitively). */
export function parseOperator(text: string): Operator {
  const known = parsed.get(text);
  if (known) return known;
  const op = readOperator(text);
  if (parsed.size < MAX_PARSED) parsed.set(text, op);
  return op;
}

function readOperator(text: string): Operator {
  let rest = text.trim().toLowerCase();
  let set: Operator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon);
    set = qualifier === 'forallvalues' ? 'all' : qualifier === 'foranyvalue' ? 'any' : undefined;
    if (!set) return { family: 'unknown', comparison: 'eq', negated: false, ifExists: false };
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('ifexists') && rest !== 'null';
  const base = BASES[ifExists ? rest.slice(0, -'ifexists'.length) : rest];
  if (!base) return { set, family: 'unknown', comparison: 'eq', negated: false, ifExists };
  const [family, comparison, negated] = base;
  return { set, family, comparison, negated, ifExists };
}

function compare(comparison: Comparison, request: number, policy: number): boolean {
  switch (comparison) {
    case 'eq':
      return request === policy;
    case 'lt':
      return request < policy;
    case 'lte':
      return request <= policy;
    case 'gt':
      return request > policy;
    case 'gte':
      return request >= policy;
  }
}

function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Dates are ISO 8601 or epoch seconds. */
function timeOf(text: string): number | undefined {
  const n = numberOf(text);
  if (n !== undefined) return n * 1000;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** One policy value against one request value, before negation. */
function matchesOne(op: Operator, policy: string, request: string): boolean {
  switch (op.family) {
    case 'string':
    case 'binary':
      return policy === request;
    case 'stringIgnoreCase':
      return policy.toLowerCase() === request.toLowerCase();
    case 'stringLike':
      return globMatch(policy, request);
    case 'bool':
      return policy.toLowerCase() === request.toLowerCase();
    case 'arn':
      return arnMatches(policy, request);
    case 'ip':
      return addressInCidr(policy, request);
    case 'numeric': {
      const r = numberOf(request);
      const p = numberOf(policy);
      return r !== undefined && p !== undefined && compare(op.comparison, r, p);
    }
    case 'date': {
      const r = timeOf(request);
      const p = timeOf(policy);
      return r !== undefined && p !== undefined && compare(op.comparison, r, p);
    }
    case 'null':
    case 'unknown':
      return false;
  }
}

/** One request value against every policy value: OR, or NOR when negated. */
function valueHolds(op: Operator, policy: readonly string[], request: string): boolean {
  const any = policy.some((p) => matchesOne(op, p, request));
  return op.negated ? !any : any;
}

/**
 * Whether one condition entry holds for a request in which the key has
 * `request` values. Unknown operators hold (a policy AWS accepted has none, and
 * assuming they hold never hides an Allow).
 */
export function conditionHolds(
  op: Operator,
  policy: readonly string[],
  request: RequestValue,
): boolean {
  const present = request !== undefined && request.length > 0;
  if (op.family === 'null') {
    return policy.some((p) =>
      p.toLowerCase() === 'true' ? !present : p.toLowerCase() === 'false' && present,
    );
  }
  if (op.family === 'unknown') return true;
  if (!present) {
    if (op.set === 'all') return true;
    if (op.ifExists) return true;
    if (op.set === 'any') return false;
    return op.negated;
  }
  if (op.set === 'all') return request.every((r) => valueHolds(op, policy, r));
  if (op.set === 'any') return request.some((r) => valueHolds(op, policy, r));
  const any = request.some((r) => policy.some((p) => matchesOne(op, p, r)));
  return op.negated ? !any : any;
}
