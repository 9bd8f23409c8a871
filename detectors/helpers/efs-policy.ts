import type { DetectorSettings, Severity } from '../types.js';
import type { Statement } from './policy.js';
import { describeExposure, readTypedPolicy, statementExposures } from './policy-exposure.js';

/**
 * Who an EFS file system policy lets mount the file system from outside. Reuses
 * the shared policy-exposure evaluator as it is today; a fuller policy evaluator
 * may replace it later without changing this interface.
 */
export interface EfsOpening {
  /** `anyone`, `account 444455556666`, `organization o-...`. */
  readonly who: string;
  readonly severity: Severity;
}

const ROOT_ACCESS = 'elasticfilesystem:ClientRootAccess';

/** An IAM action pattern (`*`, `elasticfilesystem:Client*`) as a case-insensitive test. */
function matchesAction(pattern: string, action: string): boolean {
  const source = pattern
    .trim()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(action);
}

/** True when the statement's actions (or everything its NotAction leaves) include root access. */
function grantsRootAccess(statement: Statement): boolean {
  if (statement.actions.some((a) => matchesAction(a, ROOT_ACCESS))) return true;
  return (
    statement.notActions.length > 0 &&
    !statement.notActions.some((a) => matchesAction(a, ROOT_ACCESS))
  );
}

/**
 * The outside parties a file system policy lets in, worst first: `anyone`
 * (no IAM needed, as long as the client reaches a mount target) is high with
 * root access and medium without; an untrusted account or organisation is high.
 * Undefined when the document is not a policy; empty when nobody outside gains.
 */
export function efsPolicyOpenings(
  policy: unknown,
  owner: string,
  settings: DetectorSettings,
): EfsOpening[] | undefined {
  const statements = readTypedPolicy(policy);
  if (!statements) return undefined;
  const openings = new Map<string, EfsOpening>();
  for (const typed of statements) {
    for (const exposure of statementExposures(typed, owner, settings)) {
      const who = describeExposure(exposure);
      const severity: Severity =
        exposure.kind !== 'public' || grantsRootAccess(typed.statement) ? 'high' : 'medium';
      if (openings.get(who)?.severity !== 'high') openings.set(who, { who, severity });
    }
  }
  return [...openings.values()].sort(
    (a, b) => Number(b.severity === 'high') - Number(a.severity === 'high'),
  );
}
