import { asArray, asString } from './fields.js';

/** A policy statement with its list-or-single fields normalised to lists. */
export interface Statement {
  readonly effect: 'Allow' | 'Deny' | string;
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  /** Every principal value, flattened: `'*'`, ARNs, account ids, service names. */
  readonly principals: readonly string[];
  readonly hasNotPrincipal: boolean;
  readonly conditionKeys: readonly string[];
  /** Condition keys that really narrow who can use the grant (see {@link hasRestrictingCondition}). */
  readonly restrictingKeys: readonly string[];
  readonly condition: Record<string, unknown>;
}

/**
 * Parses a policy document as CloudTrail logs it: a JSON string (sometimes
 * URL-encoded, as IAM returns it), or an already-parsed object (S3 logs bucket
 * policies as objects). Returns undefined when it is not a policy.
 */
export function parsePolicy(doc: unknown): Statement[] | undefined {
  const parsed = toObject(doc);
  if (!parsed) return undefined;
  const statements = asArray((parsed as Record<string, unknown>).Statement);
  if (statements.length === 0) return undefined;
  return statements.filter(isRecord).map(normaliseStatement);
}

function toObject(doc: unknown): unknown {
  if (isRecord(doc)) return doc;
  if (typeof doc !== 'string') return undefined;
  const text = doc.trim();
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      if (isRecord(value)) return value;
    } catch {
      // not JSON in this spelling; try the next
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return asArray(value)
    .map(asString)
    .filter((s): s is string => s !== undefined);
}

function flattenPrincipal(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!isRecord(value)) return [];
  return Object.values(value).flatMap((v) => strings(v));
}

function normaliseStatement(raw: Record<string, unknown>): Statement {
  const condition = isRecord(raw.Condition) ? raw.Condition : {};
  const conditionKeys = Object.values(condition)
    .filter(isRecord)
    .flatMap((block) => Object.keys(block).map((k) => k.toLowerCase()));
  const restrictingKeys = Object.entries(condition).flatMap(([operator, block]) =>
    isRecord(block) ? restrictingKeysIn(operator, block) : [],
  );
  return {
    effect: asString(raw.Effect) ?? '',
    actions: strings(raw.Action),
    notActions: strings(raw.NotAction),
    resources: strings(raw.Resource),
    principals: flattenPrincipal(raw.Principal),
    hasNotPrincipal: raw.NotPrincipal !== undefined,
    conditionKeys,
    restrictingKeys,
    condition,
  };
}

/** `*`, `service:*` or `*:*`-style wildcard that grants every action. */
function isAllActions(action: string): boolean {
  return action === '*' || action === '*:*';
}

/** An Allow of every action on every resource: administrator access. */
export function grantsFullAdmin(statements: readonly Statement[]): boolean {
  return statements.some(
    (s) =>
      s.effect === 'Allow' &&
      // NotAction-only statements (the PowerUserAccess pattern) exclude something, so they are not "*".
      s.actions.some(isAllActions) &&
      s.resources.includes('*'),
  );
}

/**
 * Condition keys that pin who can use a resource-policy grant to a known set:
 * the organisation, an account, a VPC or endpoint, a source ARN or IP range.
 * `aws:SecureTransport` and similar do not restrict *who*.
 */
const RESTRICTING_CONDITION_KEYS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:resourceorgid',
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:sourceorgid',
  'aws:userid',
  'aws:username',
  'kms:calleraccount',
  'kms:viaservice',
  'lambda:functionurlauthtype',
]);

/** True when the principal list lets anyone in (`*` or `{"AWS": "*"}`). */
export function principalIsAnyone(statement: Statement): boolean {
  return statement.principals.includes('*') || statement.hasNotPrincipal;
}

/** True when at least one condition key limits who can use the grant. */
export function hasRestrictingCondition(statement: Statement): boolean {
  return statement.restrictingKeys.length > 0;
}

/**
 * The keys of one condition block that narrow who can use the grant. A key does
 * not count when the operator is negated (`StringNotEquals aws:PrincipalOrgID`
 * lets in everyone outside the org), ends in `IfExists` (requests without the key
 * pass), or its values are wildcards or the whole internet.
 */
function restrictingKeysIn(operator: string, block: Record<string, unknown>): string[] {
  const op = operator.toLowerCase();
  if (op.includes('not') || op.endsWith('ifexists') || op === 'null') return [];
  return Object.entries(block)
    .filter(([key, value]) => {
      const k = key.toLowerCase();
      if (!RESTRICTING_CONDITION_KEYS.has(k)) return false;
      const values = strings(value);
      if (values.length === 0) return false;
      return values.every((v) => !isUnrestrictedValue(v));
    })
    .map(([key]) => key.toLowerCase());
}

function isUnrestrictedValue(value: string): boolean {
  const v = value.trim();
  return v === '' || /^[*?]+$/.test(v) || v === '0.0.0.0/0' || v === '::/0' || v === 'arn:*';
}

/** Allow statements that let anyone in without a condition that restricts who. */
export function publicAllowStatements(statements: readonly Statement[]): Statement[] {
  return statements.filter(
    (s) => s.effect === 'Allow' && principalIsAnyone(s) && !hasRestrictingCondition(s),
  );
}
