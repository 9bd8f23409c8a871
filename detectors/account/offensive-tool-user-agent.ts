import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import type { Detector, RawHint, Severity } from '../types.js';

/**
 * Markers of attack tooling in a user agent: Kali and Parrot builds show up in
 * the kernel (`6.5.0-kali3-amd64`), distribution (`md/distrib#kali.2024`,
 * `exe/x86_64.kali.2024`) or Python (`3.11.8+kali`) parts of SDK and CLI user
 * agents; Pacu, TruffleHog and CloudFox name themselves. Every alternative is a
 * literal or a bounded class, so matching stays linear in the input.
 */
const MARKER =
  /distrib#kali|\+kali|kali\d*-(?:amd64|arm64)|\.kali\.|distrib#parrot|parrot\d*-(?:amd64|arm64)|(?:^|[^a-z])pacu(?:[^a-z]|$)|trufflehog|cloudfox/i;

/** Real user agents are a few hundred characters; a hostile one is only read this far. */
const MAX_AGENT_CHARS = 2000;

function toolOf(marker: string): { name: string; severity: Severity } {
  const m = marker.toLowerCase();
  if (m.includes('kali')) return { name: 'Kali Linux', severity: 'high' };
  if (m.includes('parrot')) return { name: 'Parrot OS', severity: 'high' };
  if (m.includes('pacu')) return { name: 'Pacu', severity: 'high' };
  if (m.includes('trufflehog')) return { name: 'TruffleHog', severity: 'high' };
  // CloudFox maps attack paths; red teams and auditors run it as often as attackers.
  return { name: 'CloudFox', severity: 'medium' };
}

/** The marker `match` would find in a user agent, if any. */
function markerIn(agent: string): string | undefined {
  const text = agent.length > MAX_AGENT_CHARS ? agent.slice(0, MAX_AGENT_CHARS) : agent;
  return MARKER.exec(text)?.[0];
}

/**
 * The raw `"userAgent":"…"` values, tested as `match` tests the field. Raw and
 * decoded text are the same for ASCII; anything else passes, as its length (and so
 * the truncation) could differ.
 */
const AGENT_HINT: RawHint = {
  value: { key: 'userAgent', test: (agent) => !isAscii(agent) || markerIn(agent) !== undefined },
};

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A call whose user agent names a penetration-testing distribution or attack tool. */
export const offensiveToolUserAgent: Detector = {
  id: 'offensive-tool-user-agent',
  title: 'Call made with offensive security tooling',
  severity: 'high',
  description:
    'The user agent of a call shows a penetration-testing distribution (Kali Linux, Parrot OS) ' +
    'or names an AWS attack tool (Pacu, TruffleHog, which verifies leaked keys with ' +
    'GetCallerIdentity; CloudFox is medium). Attackers who find keys test and use them from ' +
    'exactly these environments; GuardDuty raises PenTest findings for the same signal. The ' +
    'user agent is chosen by the caller, so its absence proves nothing. S3 Browser is ' +
    'deliberately not matched: it is an ordinary desktop client, even if attackers use it too. ' +
    'Benign causes: authorised penetration tests and red-team exercises, security staff ' +
    'working from Kali.',
  attack: ['T1078.004', 'T1526', 'T1580'],
  references: [
    'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-iam.html',
    'https://docs.aws.amazon.com/sdkref/latest/guide/feature-user-agent.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: '*', eventNames: '*' }],
  rawHint: () => AGENT_HINT,
  match(event) {
    // Runs on every event: one type check, one bounded case-insensitive regex, no allocation
    // unless the agent is over-long.
    const agent = event.userAgent;
    if (typeof agent !== 'string' || agent.length === 0) return undefined;
    const marker = markerIn(agent);
    if (marker === undefined) return undefined;
    const tool = toolOf(marker);
    return {
      summary: `${principalOf(event)} called ${event.eventSource} ${event.eventName} with ${tool.name} (user agent marker "${marker.trim()}")`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${tool.name}`,
      severity: tool.severity,
    };
  },
};
