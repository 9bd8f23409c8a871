import { globMatch } from './wildcard.js';

/** `arn:partition:service:region:account:resource`; the resource part may hold more colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

export function splitArn(value: string): ArnParts | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    partition: parts[1] ?? '',
    service: parts[2] ?? '',
    region: parts[3] ?? '',
    account: parts[4] ?? '',
    resource: parts.slice(5).join(':'),
  };
}

export function joinArn(parts: ArnParts): string {
  return ['arn', parts.partition, parts.service, parts.region, parts.account, parts.resource].join(
    ':',
  );
}

/**
 * ArnLike / ArnEquals and `Resource` matching: each of the six colon-delimited
 * parts is matched on its own, wildcards allowed in every part, so
 * `arn:aws:*:*:*:*` matches every ARN of the partition. A pattern that is not
 * a six-part ARN (`*`, `arn:aws:iam::*`) is matched as a whole string, which
 * is how such a pattern behaves in practice: it matches more, never less.
 */
export function arnMatches(pattern: string, value: string): boolean {
  const p = splitArn(pattern);
  const v = splitArn(value);
  if (!p || !v) return globMatch(pattern, value);
  return (
    globMatch(p.partition, v.partition) &&
    globMatch(p.service, v.service) &&
    globMatch(p.region, v.region) &&
    globMatch(p.account, v.account) &&
    globMatch(p.resource, v.resource)
  );
}

/** The 12-digit account an IAM or STS principal ARN (or a bare account id) names. */
export function accountOfPrincipal(value: string): string | undefined {
  const text = value.trim();
  if (/^\d{12}$/.test(text)) return text;
  const arn = splitArn(text);
  return arn && /^\d{12}$/.test(arn.account) ? arn.account : undefined;
}
