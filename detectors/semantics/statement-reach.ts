import { accountOfPrincipal, splitArn } from './arn-match.js';
import { judgeEntry } from './condition-keys.js';
import { ANY_SERVICE, type Outsider, type OutsiderSpace } from './outsider.js';
import { isOurs, type Ownership } from './ownership.js';
import type { PolicyStatement, PrincipalSet } from './policy-document.js';

const ACCOUNT_KEYS = new Set([
  'aws:principalaccount',
  'kms:calleraccount',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:userid',
]);
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn']);
const ORG_ID_KEYS = new Set(['aws:principalorgid', 'aws:sourceorgid']);
const ORG_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);

/** Caps on named outsiders per statement: beyond them a policy still reports the first ones. */
const MAX_ACCOUNTS = 10;
const MAX_ORGS = 4;
const MAX_SERVICES = 4;

function unique(values: readonly string[], limit: number): string[] {
  return [...new Set(values)].slice(0, limit);
}

/**
 * The outsiders worth trying against one statement: the accounts and
 * organisations it names that are not ours, and the services it admits.
 */
export function outsiderSpace(statement: PolicyStatement, owner: Ownership): OutsiderSpace {
  const accounts: string[] = [];
  const orgs: string[] = [];
  for (const value of statement.principal?.aws ?? []) {
    const account = accountOfPrincipal(value);
    if (account) accounts.push(account);
  }
  let orgKeys = false;
  for (const { key, values } of statement.conditions) {
    for (const value of values) {
      if (ACCOUNT_KEYS.has(key) && /^\d{12}$/.test(value)) accounts.push(value);
      if (ARN_KEYS.has(key)) {
        const account = splitArn(value)?.account;
        if (account && /^\d{12}$/.test(account)) accounts.push(account);
      }
      const org = ORG_ID_KEYS.has(key) ? value : ORG_PATH_KEYS.has(key) ? value.split('/')[0] : '';
      if (org && /^o-[a-z0-9]+$/i.test(org)) orgs.push(org);
    }
    orgKeys ||= ORG_ID_KEYS.has(key) || ORG_PATH_KEYS.has(key);
  }
  const admitsAnyone = statement.principal?.anyone === true || statement.notPrincipal !== undefined;
  const services = [
    ...(admitsAnyone ? [ANY_SERVICE] : []),
    ...(statement.principal?.service ?? []).map((s) => s.toLowerCase()),
  ];
  return {
    accounts: unique(
      accounts.filter((a) => !isOurs(a, owner)),
      MAX_ACCOUNTS,
    ),
    orgs: unique(
      orgs.filter((o) => !owner.trustedOrganizationIds.includes(o)),
      MAX_ORGS,
    ),
    services: unique(services, MAX_SERVICES),
    orgKeys,
    mentioned: new Set([...accounts, ...orgs]),
  };
}

function namesAccount(set: PrincipalSet, account: string, wholeAccountOnly: boolean): boolean {
  return set.aws.some((value) => {
    if (accountOfPrincipal(value) !== account) return false;
    return !wholeAccountOnly || /^\d{12}$/.test(value.trim()) || /:root$/.test(value.trim());
  });
}

function namesService(set: PrincipalSet, service: string): boolean {
  return set.service.some((s) => s.toLowerCase() === service);
}

/**
 * Whether the statement's Principal (or NotPrincipal) can cover the outsider.
 * `wholeAccountOnly` is for Deny: naming one role of an account denies that
 * role, not the outsider standing for the whole account.
 */
function principalCovers(statement: PolicyStatement, who: Outsider, wholeAccountOnly: boolean) {
  const { caller } = who;
  if (statement.notPrincipal) {
    const except = statement.notPrincipal;
    if (except.anyone) return false;
    if (caller.kind === 'anonymous') return true;
    if (caller.kind === 'service') return !namesService(except, caller.service);
    // NotPrincipal naming one role of the account still covers its other principals (Allow);
    // a Deny must not count on it.
    return wholeAccountOnly
      ? !except.aws.some((v) => accountOfPrincipal(v) === caller.account)
      : true;
  }
  const set = statement.principal;
  if (!set) return false;
  if (set.anyone) return true;
  if (caller.kind === 'principal') return namesAccount(set, caller.account, wholeAccountOnly);
  if (caller.kind === 'service') return namesService(set, caller.service);
  return false;
}

/** An Allow lets the outsider in when its principal covers them and they can meet every condition. */
export function allowAdmits(statement: PolicyStatement, who: Outsider): boolean {
  return (
    principalCovers(statement, who, false) &&
    statement.conditions.every((entry) => judgeEntry(entry, who).canHold)
  );
}

/** A Deny certainly stops the outsider when it covers them and they cannot fail any condition. */
export function denyCertainlyApplies(statement: PolicyStatement, who: Outsider): boolean {
  return (
    principalCovers(statement, who, true) &&
    statement.conditions.every((entry) => !judgeEntry(entry, who).canFail)
  );
}
