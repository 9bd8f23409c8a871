import type { Suppression } from '../alerting/config/types.js';
import { displayLine } from '../alerting/sanitize.js';
import { principalOf } from '../detectors/helpers/identity.js';
import type { Finding } from '../detectors/types.js';

/** How many suppressed findings `--show-suppressed` lists one by one; the rest are counted. */
export const MAX_LISTED_SUPPRESSED = 200;

/** Warnings for suppressions already expired: they are ignored, and the operator should know. */
export function expiredWarnings(expired: readonly Suppression[]): string {
  return expired
    .map(
      (rule) =>
        `warning: suppression ${rule.id} expired (${rule.expires}) and is ignored; remove it or move its expiry\n`,
    )
    .join('');
}

/**
 * The summary line for suppressions: how many findings each rule suppressed.
 * Nothing when the config has no suppressions.
 */
export function suppressionSummary(
  rules: readonly Suppression[],
  counts: ReadonlyMap<string, number>,
): string {
  if (rules.length === 0) return '';
  let total = 0;
  for (const n of counts.values()) total += n;
  const perRule = rules
    .filter((rule) => counts.has(rule.id))
    .map((rule) => `${rule.id} ${counts.get(rule.id)}`);
  const detail = perRule.length > 0 ? `: ${perRule.join(', ')}` : '';
  return `${total} findings suppressed${detail}\n`;
}

/** One line per suppressed finding, for `--show-suppressed`. Attacker text is sanitised. */
export function suppressedLine(finding: Finding, rule: Suppression): string {
  const event = finding.event;
  const fields = [
    `[${rule.id}]`,
    finding.severity,
    finding.detector.id,
    event?.eventTime,
    event?.recipientAccountId,
    principalText(finding),
    event?.sourceIPAddress,
  ].map((f) => displayLine(f ?? '-', 200));
  return `suppressed ${fields.join(' ')}: ${displayLine(finding.summary, 400)}`;
}

function principalText(finding: Finding): string {
  try {
    return principalOf(finding.event);
  } catch {
    return '-';
  }
}
