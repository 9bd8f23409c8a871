import type { MessageAttributeValue, PublishCommandInput } from '@aws-sdk/client-sns';
import type { Alert } from './alert.js';
import { alertToJson, escapeUnsafeJson } from './safe-json.js';
import { displayLine, snsSubject, truncate } from './sanitize.js';

/** SNS's hard limit for one message, in bytes (not characters). */
export const SNS_MAX_MESSAGE_BYTES = 262_144;
/** What we allow ourselves: the limit less a margin for Subject, attributes and envelope. */
export const DEFAULT_MESSAGE_BUDGET_BYTES = 240_000;

/** A PublishCommand input without the topic: pure data, built without any AWS call. */
export type SnsMessage = Omit<PublishCommandInput, 'TopicArn'> & {
  readonly Subject: string;
  readonly Message: string;
  readonly MessageAttributes: Record<string, MessageAttributeValue>;
};

/** How far evidence is cut, level by level, until the message fits. */
interface ShrinkLevel {
  /** Long free text (summary, investigate commands). */
  readonly text: number;
  /** Items kept per list (resources, eventIds, investigate, params). */
  readonly items: number;
  /** Characters per short field or list item. */
  readonly item: number;
}

const SHRINK_LEVELS: readonly ShrinkLevel[] = [
  { text: 4096, items: 50, item: 1024 },
  { text: 1024, items: 10, item: 256 },
  { text: 256, items: 3, item: 128 },
  { text: 128, items: 1, item: 64 },
];

/**
 * The SNS message for one alert (`MessageStructure: 'json'`):
 * - `default`, used by SQS, Lambda, HTTP(S), email-json and every other protocol
 *   not listed: the Alert JSON;
 * - `email`: a short plain-text brief (what happened, who, where, how bad, the
 *   runbook and what to run first).
 * Per-protocol copies for sqs/lambda/http/https would repeat `default` byte for
 * byte and only eat into the size limit, so they are left to `default`.
 *
 * The whole request stays under `maxBytes` (bytes of the final strings, escaping
 * included): when it would not, evidence is cut step by step and the alert is
 * marked `truncated: true`; `count`, ids and severity are never cut, and the alert
 * is never dropped (at worst {@link fallbackSnsMessage}).
 */
export function buildSnsMessage(
  alert: Alert,
  maxBytes: number = DEFAULT_MESSAGE_BUDGET_BYTES,
): SnsMessage {
  const full = compose(alert);
  if (requestBytes(full) <= maxBytes) return full;
  for (const level of SHRINK_LEVELS) {
    const message = compose(shrinkAlert(alert, level));
    if (requestBytes(message) <= maxBytes) return message;
  }
  return fallbackSnsMessage(alert);
}

/**
 * The last resort when SNS rejected the normal message as invalid: a fixed ASCII
 * Subject, no per-protocol structure, and a minimal alert (identity, severity,
 * count, times, runbook) whose free-text fields are sanitised and short, as
 * ASCII-only JSON. Subscribers still get a parseable alert with `truncated: true`.
 */
export function fallbackSnsMessage(alert: Alert): SnsMessage {
  const short = (value: unknown) => displayLine(value, 64);
  const minimal: Alert = {
    schemaVersion: alert.schemaVersion,
    id: short(alert.id),
    detector: short(alert.detector),
    title: displayLine(alert.title, 128),
    severity: alert.severity,
    summary: displayLine(alert.summary, 256),
    firstSeen: short(alert.firstSeen),
    lastSeen: short(alert.lastSeen),
    count: alert.count,
    account: short(alert.account),
    region: short(alert.region),
    principal: displayLine(alert.principal, 128),
    sourceIp: short(alert.sourceIp),
    resources: alert.resources.slice(0, 1).map(short),
    eventIds: alert.eventIds.slice(0, 1).map(short),
    dedupKey: displayLine(alert.dedupKey, 128),
    runbook: {
      id: short(alert.runbook.id),
      title: displayLine(alert.runbook.title, 128),
      url: displayLine(alert.runbook.url, 256),
    },
    investigate: [],
    attack: alert.attack.slice(0, 10).map(short),
    truncated: true,
  };
  return {
    Subject: snsSubject(`trailwatch ${alert.severity} alert`),
    Message: JSON.stringify(minimal).replace(/[^\x20-\x7e]/g, (c) => unicodeEscape(c)),
    MessageAttributes: attributesOf(alert),
  };
}

/** Subject from trusted parts only: severity, detector title, and the account if it is an account id. */
export function subjectFor(alert: Alert): string {
  const account = /^\d{12}$/.test(alert.account) ? ` - ${alert.account}` : '';
  return snsSubject(`[${alert.severity.toUpperCase()}] ${alert.title}${account}`);
}

/** The plain-text email brief; every value sanitised to one line and cut. */
export function emailBody(alert: Alert): string {
  const line = (label: string, value: unknown, max = 512) =>
    `${`${label}:`.padEnd(15)}${displayLine(value, max)}`;
  const resources = alert.resources
    .slice(0, 5)
    .map((r) => displayLine(r, 256))
    .join(', ');
  const moreResources = alert.resources.length > 5 ? ` (+${alert.resources.length - 5} more)` : '';
  const runFirst = alert.investigate[0]?.command ?? `trailwatch investigate ${alert.runbook.id}`;
  const lines = [
    `${alert.severity.toUpperCase()} alert: ${displayLine(alert.title, 200)}`,
    '',
    line('What happened', alert.summary, 1000),
    line('Who', `${alert.principal} from ${alert.sourceIp}`),
    line('Where', `account ${alert.account}, region ${alert.region}`),
    line(
      'How bad',
      `${alert.severity}; ${alert.count} event${alert.count === 1 ? '' : 's'} from ${alert.firstSeen} to ${alert.lastSeen}`,
    ),
  ];
  if (alert.resources.length > 0) lines.push(line('Resources', resources + moreResources, 2000));
  lines.push(
    line('Runbook', `${alert.runbook.title}: ${alert.runbook.url}`),
    line('Run first', runFirst, 1000),
  );
  if (alert.attack.length > 0) lines.push(line('ATT&CK', alert.attack.join(', ')));
  if (alert.suppressedAlerts) {
    lines.push(line('Storm', `${alert.suppressedAlerts} alerts folded into this one`));
  }
  lines.push(line('Alert id', alert.id));
  if (alert.truncated) lines.push('', 'Evidence was shortened to fit the message size limit.');
  return `${lines.join('\n')}\n`;
}

/** Bytes SNS counts for a request: message, subject, and attribute names, types and values. */
export function requestBytes(message: SnsMessage): number {
  let bytes = Buffer.byteLength(message.Message) + Buffer.byteLength(message.Subject);
  for (const [name, value] of Object.entries(message.MessageAttributes)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    bytes += Buffer.byteLength(value.StringValue ?? '');
  }
  return bytes;
}

/** The alert with its evidence cut to `level`; `count` and identity untouched. */
export function shrinkAlert(alert: Alert, level: ShrinkLevel): Alert {
  const item = (value: string) => truncate(value, level.item);
  return {
    ...alert,
    summary: truncate(alert.summary, level.text),
    account: item(alert.account),
    region: item(alert.region),
    principal: item(alert.principal),
    sourceIp: item(alert.sourceIp),
    dedupKey: item(alert.dedupKey),
    resources: alert.resources.slice(0, level.items).map(item),
    eventIds: alert.eventIds.slice(0, level.items).map(item),
    investigate: alert.investigate.slice(0, level.items).map((inv) => ({
      query: item(inv.query),
      params: Object.fromEntries(
        Object.entries(inv.params)
          .slice(0, level.items)
          .map(([k, v]) => [item(k), item(v)]),
      ),
      command: truncate(inv.command, level.text),
    })),
    attack: alert.attack.slice(0, 20).map(item),
    truncated: true,
  };
}

function compose(alert: Alert): SnsMessage {
  const structure = { default: alertToJson(alert), email: emailBody(alert) };
  return {
    Subject: subjectFor(alert),
    Message: escapeUnsafeJson(JSON.stringify(structure)),
    MessageStructure: 'json',
    MessageAttributes: attributesOf(alert),
  };
}

/**
 * `severity` and `detector` as String attributes, for subscription filter
 * policies. SNS rejects empty attribute values, hence the fallback.
 */
function attributesOf(alert: Alert): Record<string, MessageAttributeValue> {
  const token = (value: string) =>
    value.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 256) || 'unknown';
  return {
    severity: { DataType: 'String', StringValue: token(alert.severity) },
    detector: { DataType: 'String', StringValue: token(alert.detector) },
  };
}

function unicodeEscape(char: string): string {
  return Array.from(
    { length: char.length },
    (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`,
  ).join('');
}
