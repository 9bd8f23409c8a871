import { asString, getPath } from '../detectors/helpers/fields.js';
import { accountOf, principalOf } from '../detectors/helpers/identity.js';
import { succeeded } from '../detectors/helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../detectors/types.js';

/**
 * The break-glass roles of this (example) organisation, lower-case. Edit to match
 * yours: the rule is only as good as this list.
 */
const BREAK_GLASS_ROLES: ReadonlySet<string> = new Set(['breakglassadmin', 'emergency-access']);

/** `arn:aws:iam::111122223333:role/path/BreakGlassAdmin` -> `BreakGlassAdmin`. */
function roleNameOf(roleArn: string): string | undefined {
  const match = /^arn:[^:]+:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(roleArn.trim());
  return match?.[1];
}

function assumedRoleArn(event: CloudTrailEvent): string | undefined {
  return asString(getPath(event.requestParameters, 'roleArn'));
}

/**
 * A company-specific rule: someone assumed one of the break-glass roles, which
 * exist for emergencies only. Every use should match an open incident.
 */
export const breakGlassRoleUsed: Detector = {
  id: 'break-glass-role-used',
  title: 'Break-glass role assumed',
  severity: 'high',
  description:
    'AssumeRole or AssumeRoleWithSAML succeeded for one of the organisation break-glass roles ' +
    '(BREAK_GLASS_ROLES in this file). These roles bypass the normal access path and are ' +
    'meant for emergencies, so every use must match an open incident; an unexplained use is ' +
    'a stolen credential or an insider. Benign causes: a declared incident, the quarterly ' +
    'break-glass drill.',
  attack: ['T1078.004'],
  references: ['https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html'],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [
    { eventSource: 'sts.amazonaws.com', eventNames: ['AssumeRole', 'AssumeRoleWithSAML'] },
  ],
  match(event) {
    if (!succeeded(event)) return undefined;
    const roleArn = assumedRoleArn(event);
    const role = roleArn && roleNameOf(roleArn);
    if (!roleArn || !role || !BREAK_GLASS_ROLES.has(role.toLowerCase())) return undefined;
    const session = asString(getPath(event.requestParameters, 'roleSessionName')) ?? 'unnamed';
    return {
      summary: `${principalOf(event)} assumed break-glass role ${role} (session ${session})`,
      // One alert per role per hour, whoever assumes it: the incident is the role's use.
      dedupKey: `${accountOf(event)}|break-glass|${roleArn}`,
      resources: [roleArn],
    };
  },
};
