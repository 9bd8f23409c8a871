import {
  type InvestigateTarget,
  investigateCommands,
  investigationWindow,
} from '../runbooks/investigate-commands.js';
import type { Alert } from './alert.js';

export type { InvestigateTarget };

/** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/key` → `bucket`. */
function bucketOf(resources: readonly string[]): string | undefined {
  for (const r of resources) {
    const match = /^arn:[^:]+:s3:::([^/]+)/.exec(r);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/** `arn:aws:lambda:region:account:function:name[:qualifier]` → `name`. */
function functionOf(resources: readonly string[]): string | undefined {
  for (const r of resources) {
    const match = /^arn:[^:]+:lambda:[^:]*:\d*:function:([^:]+)/.exec(r);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * The alert with ready-to-run `trailwatch investigate` commands for its runbook,
 * parameters taken from the alert (principal, source IP, bucket, function, a
 * window around what it saw). Values that fail a query's allow-pattern leave that
 * query out, and every value in a command is shell-quoted by the runbook layer.
 */
export function withInvestigations(alert: Alert, target: InvestigateTarget): Alert {
  const { start, end } = investigationWindow(alert.firstSeen, alert.lastSeen);
  const known = (v: string) => v !== '' && v !== 'unknown';
  const bucket = bucketOf(alert.resources);
  const functionName = functionOf(alert.resources);
  const commands = investigateCommands(
    alert.runbook.id,
    {
      start,
      end,
      ...(known(alert.principal) ? { principal: alert.principal } : {}),
      ...(known(alert.sourceIp) ? { sourceIp: alert.sourceIp } : {}),
      ...(known(alert.account) ? { account: alert.account } : {}),
      ...(known(alert.region) ? { region: alert.region } : {}),
      ...(bucket ? { bucket } : {}),
      ...(functionName ? { functionName } : {}),
    },
    target,
  );
  return { ...alert, investigate: commands };
}
