import { parseOperator } from '../semantics/condition-operators.js';
import {
  isDirect,
  type Outside,
  outsideAccess,
  ownershipOf,
  type PolicyStatement,
} from '../semantics/index.js';
import type { DetectorSettings } from '../types.js';
import { parsePolicy, type Statement } from './policy.js';

/**
 * Who a resource policy lets in from outside, in the shape detectors written
 * before detectors/semantics use. The judging is the semantics module's
 * (AWS's evaluation logic, conditions an outsider can or cannot meet, Denies
 * that certainly apply); this file only adapts its answers.
 */
export interface TypedStatement {
  readonly statement: Statement;
  /** `AWS` principals (`*` included when the principal is anyone). */
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
}

/** Who, beyond the resource owner's trusted accounts, a policy lets in. */
export type PolicyExposure =
  | { readonly kind: 'public' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'organization'; readonly organization: string };

/** Parses a policy into statements with typed principals, or undefined when it is not a policy. */
export function readTypedPolicy(doc: unknown): TypedStatement[] | undefined {
  return parsePolicy(doc)?.map((statement) => {
    const p = statement.semantic.principal;
    return {
      statement,
      aws: p ? [...(p.anyone ? ['*'] : []), ...p.aws] : [],
      service: p?.service ?? [],
      federated: p?.federated ?? [],
    };
  });
}

/**
 * Values of a condition key under operators that require a match (not negated,
 * not `IfExists`, not `Null`), matched without regard to case.
 */
export function conditionValues(statement: Statement, key: string): string[] {
  const wanted = key.toLowerCase();
  return statement.semantic.conditions.flatMap((entry) => {
    if (entry.key !== wanted) return [];
    const op = parseOperator(entry.operator);
    return op.negated || op.ifExists || op.family === 'null' ? [] : entry.values;
  });
}

function exposureOf(who: Outside): PolicyExposure | undefined {
  if (!isDirect(who)) return undefined;
  if (who.kind === 'anyone') return { kind: 'public' };
  if (who.kind === 'account') return { kind: 'account', account: who.account };
  if (who.kind === 'organization') return { kind: 'organization', organization: who.organization };
  return undefined;
}

function judge(
  statements: readonly PolicyStatement[],
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  return outsideAccess({ statements }, ownershipOf(own, settings))
    .map((grant) => exposureOf(grant.who))
    .filter((e): e is PolicyExposure => e !== undefined);
}

/**
 * Exposures through one Allow statement, weighed against every Deny of its
 * policy. Service principals acting for outside resources are not reported.
 */
export function statementExposures(
  typed: TypedStatement,
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  const { semantic, policy } = typed.statement;
  if (semantic.effect !== 'Allow') return [];
  const denies = policy.statements.filter((s) => s.effect === 'Deny');
  return judge([semantic, ...denies], own, settings);
}

/** Every exposure of a policy, de-duplicated, `public` first. */
export function policyExposures(
  statements: readonly TypedStatement[],
  own: string,
  settings: DetectorSettings,
): PolicyExposure[] {
  const denies = statements[0]?.statement.policy.statements.filter((s) => s.effect === 'Deny');
  const allows = statements.map((s) => s.statement.semantic).filter((s) => s.effect === 'Allow');
  return judge([...allows, ...(denies ?? [])], own, settings);
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
