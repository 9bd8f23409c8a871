import { joinArn, splitArn } from './arn-match.js';
import {
  conditionHolds,
  type Operator,
  parseOperator,
  type RequestValue,
} from './condition-operators.js';
import type { Outsider } from './outsider.js';
import type { ConditionEntry } from './policy-document.js';
import { outsiderCanBeIn, outsiderCanBeOutside } from './source-ip.js';
import { globMatch, hasWildcard, instantiate } from './wildcard.js';

/**
 * What an outsider can make one condition entry do: hold (for an Allow to let
 * them in) and fail (for a Deny to let them pass). Each condition key is one
 * of a few kinds (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * - identity keys, fixed by who the caller is (aws:PrincipalAccount, aws:PrincipalArn,
 *   aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:userid, kms:CallerAccount): an outsider
 *   has their own values, absent when anonymous, and names the rest of an ARN as they like;
 * - source keys, present when a service acts for a resource (aws:SourceAccount,
 *   aws:SourceArn, aws:SourceOwner, aws:SourceOrgID…): the outsider's own resources or absent;
 * - network keys: aws:SourceVpce and aws:SourceVpc are the outsider's own endpoint or
 *   absent, aws:SourceIp any public address they can rent (see source-ip.ts);
 * - everything else (aws:SecureTransport, aws:UserAgent, aws:Referer, sts:ExternalId,
 *   tags, request parameters, resource keys) is the caller's to choose: it restricts no one.
 */
export interface Judgement {
  readonly canHold: boolean;
  readonly canFail: boolean;
}

/** Enough candidates for every distinction a policy can draw; more only costs time. */
const MAX_CANDIDATES = 64;

const NATURAL_ROLE = 'role/outsider';

type Candidates = (entry: ConditionEntry, who: Outsider) => RequestValue[];

const absent: RequestValue = undefined;
const one = (value: string): RequestValue => [value];

function principalAccount(who: Outsider): string | undefined {
  return who.caller.kind === 'principal' ? who.caller.account : undefined;
}

function callerOrg(who: Outsider, kind: 'principal' | 'service'): string | undefined {
  return who.caller.kind === kind ? who.caller.org : undefined;
}

function sourceAccount(who: Outsider): string | undefined {
  return who.caller.kind === 'service' ? who.caller.account : undefined;
}

/**
 * An ARN the outsider can own that matches `pattern`: the account set to
 * theirs, the parts they name themselves (resource names) filled in. ARNs
 * without an account (S3 buckets) match only where the pattern has a wildcard
 * for them to fill, or where the statement names the outsider's account
 * elsewhere (the bucket is then presumably theirs).
 */
function ownedArn(pattern: string, account: string, freshAccount: boolean): string | undefined {
  const arn = splitArn(pattern);
  if (!arn) return undefined;
  if (arn.account === '') {
    if (!hasWildcard(arn.resource) && freshAccount) return undefined;
    return joinArn({
      ...arn,
      partition: fill(arn.partition),
      resource: instantiate(arn.resource, 'outsider'),
    });
  }
  if (!globMatch(arn.account, account)) return undefined;
  return joinArn({
    partition: fill(arn.partition),
    service: instantiate(arn.service, 'iam'),
    region: instantiate(arn.region),
    account,
    resource: instantiate(arn.resource, 'outsider'),
  });
}

function fill(partition: string): string {
  return hasWildcard(partition) ? 'aws' : partition;
}

const principalAccountKey: Candidates = (_entry, who) => {
  const account = principalAccount(who);
  return [account === undefined ? absent : one(account)];
};

const principalArnKey: Candidates = (entry, who) => {
  const account = principalAccount(who);
  if (account === undefined) return [absent];
  const natural = [
    `arn:aws:iam::${account}:root`,
    `arn:aws:iam::${account}:${NATURAL_ROLE}`,
    `arn:aws:iam::${account}:user/outsider`,
  ];
  const named = entry.values
    .map((v) => ownedArn(v, account, who.freshAccount))
    .filter((v): v is string => v !== undefined);
  return [...natural, ...named].map(one);
};

/** aws:userid is the account id for root, `AIDA…` for users, `AROA…:session` for roles. */
const userIdKey: Candidates = (entry, who) => {
  if (who.caller.kind === 'anonymous') return [one('anonymous')];
  const account = principalAccount(who);
  if (account === undefined) return [absent];
  const roleId = 'AROA0UTSIDER0EXAMPLE';
  const sessions = entry.values
    .filter((v) => v.includes(':') && /^[*?]*$/.test(v.slice(0, v.indexOf(':'))))
    .map((v) => `${roleId}${instantiate(v.slice(v.indexOf(':')), 'outsider')}`);
  return [account, 'AIDA0UTSIDER0EXAMPLE', `${roleId}:outsider`, ...sessions].map(one);
};

/** Keys that exist only for a signed principal, with any value the outsider sets on it. */
const principalChosenKey: Candidates = (entry, who) =>
  who.caller.kind === 'principal' ? [absent, ...chosenValues(entry)] : [absent];

const principalTypeKey: Candidates = (_entry, who) => {
  if (who.caller.kind === 'anonymous') return [one('Anonymous')];
  if (who.caller.kind === 'service') return [absent];
  return ['Account', 'User', 'AssumedRole', 'FederatedUser'].map(one);
};

function orgPaths(entry: ConditionEntry, org: string): RequestValue[] {
  const named = entry.values
    .filter((v) => globMatch(v.split('/')[0] ?? '', org))
    .map((v) => {
      const slash = v.indexOf('/');
      return slash < 0 ? org : `${org}/${instantiate(v.slice(slash + 1), 'outsider')}`;
    });
  return [`${org}/r-0ut5/ou-0ut5-0utsider/`, ...named].map(one);
}

const principalOrgIdKey: Candidates = (_entry, who) => {
  const org = callerOrg(who, 'principal');
  return [org === undefined ? absent : one(org)];
};

const principalOrgPathsKey: Candidates = (entry, who) => {
  const org = callerOrg(who, 'principal');
  return org === undefined ? [absent] : orgPaths(entry, org);
};

const sourceOrgIdKey: Candidates = (_entry, who) => {
  const org = callerOrg(who, 'service');
  return [absent, ...(org === undefined ? [] : [one(org)])];
};

const sourceOrgPathsKey: Candidates = (entry, who) => {
  const org = callerOrg(who, 'service');
  return org === undefined ? [absent] : [absent, ...orgPaths(entry, org)];
};

const sourceAccountKey: Candidates = (_entry, who) => {
  const account = sourceAccount(who);
  return [absent, ...(account === undefined ? [] : [one(account)])];
};

const sourceArnKey: Candidates = (entry, who) => {
  const account = sourceAccount(who);
  if (account === undefined) return [absent];
  const natural = [
    `arn:aws:sns:us-east-1:${account}:outsider`,
    'arn:aws:s3:::outsider-0wned-bucket',
  ];
  const named = entry.values
    .map((v) => ownedArn(v, account, who.freshAccount))
    .filter((v): v is string => v !== undefined);
  return [absent, ...[...natural, ...named].map(one)];
};

const principalIsServiceKey: Candidates = (_entry, who) => [
  one(who.caller.kind === 'service' ? 'true' : 'false'),
];

const principalServiceKey: Candidates = (_entry, who) => [
  who.caller.kind === 'service' ? one(who.caller.service) : absent,
];

/** Identifiers AWS assigns (endpoint, VPC, Alexa skill): the outsider has their own, or none. */
const assignedIdKey =
  (own: string): Candidates =>
  () => [absent, one(own)];

/** Inside their own VPC the outsider picks any private (or bring-your-own) address. */
const vpcSourceIpKey: Candidates = (entry) => [
  absent,
  one('10.0.0.1'),
  ...entry.values.map((v) => one(v.split('/')[0] ?? v)),
];

/** What a caller can put in a key they control: the policy's own values, spelled to match, and others. */
function chosenValues(entry: ConditionEntry): RequestValue[] {
  const out: RequestValue[] = [one('0utsider-chosen-value'), one('true'), one('false')];
  for (const v of entry.values) {
    out.push(one(v), one(instantiate(v, 'x')));
    const n = Number(v);
    if (v !== '' && Number.isFinite(n)) out.push(one(String(n - 1)), one(String(n + 1)));
    const t = Date.parse(v);
    if (!Number.isNaN(t)) {
      out.push(one(new Date(t - 1000).toISOString()), one(new Date(t + 1000).toISOString()));
    }
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

const chosenKey: Candidates = (entry) => [absent, ...chosenValues(entry)];

const KEYS: ReadonlyMap<string, Candidates> = new Map([
  ['aws:principalaccount', principalAccountKey],
  ['kms:calleraccount', principalAccountKey],
  ['aws:principalarn', principalArnKey],
  ['aws:userid', userIdKey],
  ['aws:username', principalChosenKey],
  ['aws:principaltype', principalTypeKey],
  ['aws:principalorgid', principalOrgIdKey],
  ['aws:principalorgpaths', principalOrgPathsKey],
  ['aws:principalisawsservice', principalIsServiceKey],
  ['aws:principalservicename', principalServiceKey],
  ['aws:principalservicenameslist', principalServiceKey],
  ['aws:sourceaccount', sourceAccountKey],
  ['aws:sourceowner', sourceAccountKey],
  ['aws:sourcearn', sourceArnKey],
  ['aws:sourceorgid', sourceOrgIdKey],
  ['aws:sourceorgpaths', sourceOrgPathsKey],
  ['aws:sourcevpce', assignedIdKey('vpce-0a0b0c0d0e0f00000')],
  ['aws:sourcevpc', assignedIdKey('vpc-0a0b0c0d0e0f00000')],
  [
    'lambda:eventsourcetoken',
    assignedIdKey('amzn1.ask.skill.00000000-0000-0000-0000-000000000000'),
  ],
  ['aws:vpcsourceip', vpcSourceIpKey],
]);

function candidatesFor(entry: ConditionEntry): Candidates {
  if (entry.key.startsWith('aws:principaltag/')) return principalChosenKey;
  return KEYS.get(entry.key) ?? chosenKey;
}

/** aws:SourceIp by address-space arithmetic: absent through the outsider's own VPC endpoint. */
function judgeSourceIp(op: Operator, entry: ConditionEntry): Judgement {
  const whenAbsent = conditionHolds(op, entry.values, undefined);
  const inside = outsiderCanBeIn(entry.values);
  const outside = outsiderCanBeOutside(entry.values);
  const holdsPresent = op.negated ? outside : inside;
  const failsPresent = op.negated ? inside : outside;
  return { canHold: whenAbsent || holdsPresent, canFail: !whenAbsent || failsPresent };
}

const keyIndependent = new WeakMap<ConditionEntry, Judgement>();

/** What the outsider can make the entry do. */
export function judgeEntry(entry: ConditionEntry, who: Outsider): Judgement {
  const cached = keyIndependent.get(entry);
  if (cached) return cached;
  const op = parseOperator(entry.operator);
  if (entry.key === 'aws:sourceip' && op.family === 'ip') {
    const judgement = judgeSourceIp(op, entry);
    keyIndependent.set(entry, judgement);
    return judgement;
  }
  const candidates = candidatesFor(entry);
  // The caller's choices do not depend on who they are: judge once per entry.
  const independent = candidates === chosenKey;
  let canHold = false;
  let canFail = false;
  for (const value of candidates(entry, who).slice(0, MAX_CANDIDATES)) {
    if (conditionHolds(op, entry.values, value)) canHold = true;
    else canFail = true;
    if (canHold && canFail) break;
  }
  const judgement = { canHold, canFail };
  if (independent) keyIndependent.set(entry, judgement);
  return judgement;
}
