import type { DetectorSettings } from '../types.js';
import { asArray, asString } from './fields.js';
import { accountFromArn } from './identity.js';
import { hasRestrictingCondition, parsePolicy, type Statement } from './policy.js';
import { classifyPrincipal, isTrustedAccount } from './resource-principal.js';

/**
 * A policy statement with its principals kept apart by the key they are filed
 * under. `parsePolicy` flattens them, which is enough for "is it `*`", but a
 * trust policy's `Federated` identity provider and `AWS` account mean different
 * things, and a `CanonicalUser` id may contain digit runs that look like accounts.
 */
export interface TypedStatement {
  readonly statement: Statement;
  /** `AWS` principals; a bare-string `Principal` (only `*` is valid) lands here too. */
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
}

/** Who, beyond the resource owner's trusted accounts, a policy lets in. */
export type PolicyExposure =
  | { readonly kind: 'public' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'organization'; readonly organization: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return asArray(value)
    .map(asString)
    .filter((s): s is string => s !== undefined)
    .map((s) => s.trim());
}

/** The policy as an object: CloudTrail logs it parsed, as a JSON string, or URL-encoded JSON. */
function policyObject(doc: unknown): Record<string, unknown> | undefined {
  if (isRecord(doc)) return doc;
  if (typeof doc !== 'string') return undefined;
  const text = doc.trim();
  const candidates = [text];
  if (text.includes('%')) {
    try {
      candidates.push(decodeURIComponent(text.replace(/\+/g, ' ')));
    } catch {
      // a malformed escape: the raw text is all there is
    }
  }
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (isRecord(value)) return value;
    } catch {
      // not JSON in this spelling; try the next
    }
  }
  return undefined;
}

function principalsUnder(principal: unknown, type: string): string[] {
  if (!isRecord(principal)) return [];
  const key = Object.keys(principal).find((k) => k.toLowerCase() === type);
  return key === undefined ? [] : strings(principal[key]);
}

/**
 * Parses a policy document into statements with typed principals, or undefined
 * when it is not a policy. Same input forms as `parsePolicy`.
 */
export function readTypedPolicy(doc: unknown): TypedStatement[] | undefined {
  const root = policyObject(doc);
  if (!root) return undefined;
  const statements = parsePolicy(root);
  if (!statements) return undefined;
  // parsePolicy keeps exactly the object statements, in order: pair them up with the raw ones.
  const raw = asArray(root.Statement).filter(isRecord);
  return statements.map((statement, i) => {
    const principal = raw[i]?.Principal;
    return {
      statement,
      aws: typeof principal === 'string' ? [principal.trim()] : principalsUnder(principal, 'aws'),
      service: principalsUnder(principal, 'service'),
      federated: principalsUnder(principal, 'federated'),
    };
  });
}

/**
 * Values of a condition key under operators that narrow (not negated, not
 * `IfExists`, not `Null`), matched without regard to case.
 */
export function conditionValues(statement: Statement, key: string): string[] {
  const wanted = key.toLowerCase();
  const out: string[] = [];
  for (const [operator, block] of Object.entries(statement.condition)) {
    const op = operator.toLowerCase();
    if (op.includes('not') || op.endsWith('ifexists') || op === 'null' || !isRecord(block)) {
      continue;
    }
    for (const [k, v] of Object.entries(block)) {
      if (k.toLowerCase() === wanted) out.push(...strings(v));
    }
  }
  return out;
}

/** Condition keys whose values name the account a caller or source belongs to. */
const ACCOUNT_KEYS = [
  'aws:PrincipalAccount',
  'aws:SourceAccount',
  'aws:SourceOwner',
  'kms:CallerAccount',
];
const ARN_KEYS = ['aws:PrincipalArn', 'aws:SourceArn'];

function accountsInConditions(statement: Statement): string[] {
  const direct = ACCOUNT_KEYS.flatMap((k) => conditionValues(statement, k)).filter((v) =>
    /^\d{12}$/.test(v),
  );
  const fromArns = ARN_KEYS.flatMap((k) => conditionValues(statement, k))
    .map((arn) => accountFromArn(arn))
    .filter((a): a is string => a !== undefined);
  return [...direct, ...fromArns];
}

/** The organisation ids an `aws:PrincipalOrgID` / `aws:PrincipalOrgPaths` condition pins the grant to. */
function organizationsInConditions(statement: Statement): string[] {
  const ids = conditionValues(statement, 'aws:PrincipalOrgID');
  const paths = conditionValues(statement, 'aws:PrincipalOrgPaths').map((p) => p.split('/')[0]);
  return [...ids, ...paths].filter((o): o is string => o !== undefined && o !== '');
}

/**
 * True when the statement is pinned to organisations the operator trusts: every
 * account inside them is ours, whatever the principal names.
 */
export function pinnedToTrustedOrganization(
  statement: Statement,
  settings: DetectorSettings,
): boolean {
  const orgs = organizationsInConditions(statement);
  return orgs.length > 0 && orgs.every((o) => settings.trustedOrganizationIds.includes(o));
}

/** What a `*` principal narrowed by conditions still lets in from outside. */
function conditionedAnyone(
  statement: Statement,
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  if (pinnedToTrustedOrganization(statement, settings)) return [];
  const out: PolicyExposure[] = accountsInConditions(statement)
    .filter((a) => !isTrustedAccount(a, own, settings))
    .map((account) => ({ kind: 'account', account }));
  // Without configured organisations there is no telling ours from theirs: no opinion.
  if (settings.trustedOrganizationIds.length > 0) {
    for (const organization of organizationsInConditions(statement)) {
      if (!settings.trustedOrganizationIds.includes(organization)) {
        out.push({ kind: 'organization', organization });
      }
    }
  }
  return out;
}

function isAllow(statement: Statement): boolean {
  return statement.effect.trim().toLowerCase() === 'allow';
}

/**
 * Exposures of one Allow statement through its `AWS` principals (and `*` or
 * NotPrincipal): `public` when anyone may use it without a condition that
 * restricts who; an `account` for each named account, or account in a
 * restricting condition, that is neither `own` nor trusted. Service and
 * federated principals are the caller's business. CloudFront origin access
 * identities (`arn:aws:iam::cloudfront:user/...`) carry no account and are ignored.
 */
export function statementExposures(
  typed: TypedStatement,
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  const { statement } = typed;
  if (!isAllow(statement)) return [];
  const out: PolicyExposure[] = [];
  if (statement.hasNotPrincipal || typed.aws.includes('*')) {
    if (!hasRestrictingCondition(statement)) return [{ kind: 'public' }];
    out.push(...conditionedAnyone(statement, own, settings));
  }
  if (pinnedToTrustedOrganization(statement, settings)) return out;
  for (const value of typed.aws) {
    const principal = classifyPrincipal(value);
    if (principal?.kind === 'account' && !isTrustedAccount(principal.account, own, settings)) {
      out.push({ kind: 'account', account: principal.account });
    }
  }
  return out;
}

/** Every exposure of a policy, de-duplicated, `public` first. */
export function policyExposures(
  statements: readonly TypedStatement[],
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  const seen = new Map<string, PolicyExposure>();
  for (const typed of statements) {
    for (const exposure of statementExposures(typed, own, settings)) {
      seen.set(describeExposure(exposure), exposure);
    }
  }
  return [...seen.values()].sort(
    (a, b) => Number(b.kind === 'public') - Number(a.kind === 'public'),
  );
}

/** `anyone`, `account 444455556666`, `organization o-abc`: an exposure in words. */
export function describeExposure(exposure: PolicyExposure): string {
  switch (exposure.kind) {
    case 'public':
      return 'anyone';
    case 'account':
      return `account ${exposure.account}`;
    case 'organization':
      return `organization ${exposure.organization}`;
  }
}
