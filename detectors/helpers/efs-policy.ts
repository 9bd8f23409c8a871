import { listHasAction } from '../semantics/action-set.js';
import type { DetectorSettings, Severity } from '../types.js';
import type { Statement } from './policy.js';
import { describeExposure, readTypedPolicy, statementExposures } from './policy-exposure.js';

/**
 * Who an EFS file system policy lets mount the file system from outside, judged
 * by the shared policy-exposure adapter (detectors/semantics underneath); this
 * file only adds what is particular to EFS: root access is the worse grant.
 */
export interface EfsOpening {
  /** `anyone`, `account 444455556666`, `organization o-...`. */
  readonly who: string;
  readonly severity: Severity;
}

const ROOT_ACCESS = 'elasticfilesystem:ClientRootAccess';

/**
 * True when the statement's Action (or everything its NotAction leaves) covers
 * root access; wildcards are matched by the semantics module, without regexes.
 */
function grantsRootAccess(statement: Statement): boolean {
  return listHasAction(statement.semantic.actions, ROOT_ACCESS);
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
