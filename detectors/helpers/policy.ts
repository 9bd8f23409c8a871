import {
  grantsFullAdministration,
  type PolicyDocument,
  type PolicyStatement,
  readPolicy,
} from '../semantics/index.js';

/**
 * A flat view of a policy statement, kept for detectors written against it.
 * Judging a policy (who gets in, is it administration) belongs to
 * detectors/semantics: `semantic` and `policy` carry what it needs.
 */
export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  /** Every principal value, flattened: `'*'`, ARNs, account ids, service names. */
  readonly principals: readonly string[];
  readonly hasNotPrincipal: boolean;
  /** Lower-cased condition keys. */
  readonly conditionKeys: readonly string[];
  readonly semantic: PolicyStatement;
  /** The whole policy the statement belongs to, for Denies elsewhere in it. */
  readonly policy: PolicyDocument;
}

function flatten(statement: PolicyStatement, policy: PolicyDocument): Statement {
  const p = statement.principal;
  return {
    effect: statement.effect,
    actions: statement.actions.mode === 'only' ? statement.actions.patterns : [],
    notActions: statement.actions.mode === 'except' ? statement.actions.patterns : [],
    resources: statement.resources.mode === 'only' ? statement.resources.patterns : [],
    principals: p
      ? [...(p.anyone ? ['*'] : []), ...p.aws, ...p.service, ...p.federated, ...p.canonicalUser]
      : [],
    hasNotPrincipal: statement.notPrincipal !== undefined,
    conditionKeys: statement.conditions.map((c) => c.key),
    semantic: statement,
    policy,
  };
}

/**
 * Parses a policy document as CloudTrail logs it (see semantics/policy-document.ts).
 * Returns undefined when it is not a policy.
 */
export function parsePolicy(doc: unknown): Statement[] | undefined {
  const policy = readPolicy(doc);
  if (!policy) return undefined;
  return policy.statements.map((s) => flatten(s, policy));
}

/** Full administration, as semantics/full-admin.ts defines it, for statements of one policy. */
export function grantsFullAdmin(statements: readonly Statement[], ownAccount = ''): boolean {
  return grantsFullAdministration({ statements: statements.map((s) => s.semantic) }, ownAccount);
}
