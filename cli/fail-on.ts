import type { Alert } from '../alerting/alert.js';
import { SEVERITY_RANK, type Severity } from '../detectors/types.js';

/** What the `--fail-on` gate decided, and the summary line that says why (empty when it passed). */
export interface FailOnGate {
  readonly tripped: boolean;
  readonly line: string;
}

/**
 * The CI gate judges every alert, not only those `--min-severity` lets through:
 * `--min-severity critical --fail-on high` keeps the output short, it must not let
 * two high alerts pass the gate unseen. When hidden alerts trip it, the line says
 * so, or a failed build would show nothing to explain it.
 */
export function failOnGate(
  alerts: readonly Alert[],
  failOn: Severity | undefined,
  minSeverity: Severity,
): FailOnGate {
  if (failOn === undefined) return { tripped: false, line: '' };
  const atLeast = (a: Alert, s: Severity) => SEVERITY_RANK[a.severity] >= SEVERITY_RANK[s];
  const hits = alerts.filter((a) => atLeast(a, failOn));
  if (hits.length === 0) return { tripped: false, line: '' };
  const hidden = hits.filter((a) => !atLeast(a, minSeverity)).length;
  const which =
    hidden === 0
      ? ''
      : `, ${hidden === hits.length ? (hidden === 1 ? '' : 'all ') : `${hidden} of them `}hidden by --min-severity ${minSeverity} (lower it to see ${hidden === 1 ? 'it' : 'them'})`;
  return {
    tripped: true,
    line: `--fail-on ${failOn}: ${hits.length} ${hits.length === 1 ? 'alert' : 'alerts'} at or above ${failOn}${which}\n`,
  };
}
