import { type ActionSet, resourcesCover, setIsEmpty, setPermits } from './action-set.js';
import { ANY_SERVICE, type Outsider, outsidersOf } from './outsider.js';
import type { Ownership } from './ownership.js';
import type { PolicyDocument, PolicyStatement } from './policy-document.js';
import { allowAdmits, denyCertainlyApplies, outsiderSpace } from './statement-reach.js';

/**
 * Who outside the owner's account and trusted organisations a resource policy
 * lets in, and with which actions: question (a) of docs/policy-evaluation.md.
 * - `anyone`: anonymous callers, or principals of any account;
 * - `account`: principals of (or, with `via`, a service acting for resources of) one named account;
 * - `organization`: principals of any account of a named organisation that is not ours;
 * - `service`: a service principal acting for resources of any account (confused deputy).
 */
export type Outside =
  | { readonly kind: 'anyone' }
  | { readonly kind: 'account'; readonly account: string; readonly via?: string }
  | { readonly kind: 'organization'; readonly organization: string; readonly via?: string }
  | { readonly kind: 'service'; readonly service: string };

export interface OutsideGrant {
  readonly who: Outside;
  /** One per Allow statement that lets them in, each minus the Denies that certainly stop them. */
  readonly actions: readonly ActionSet[];
}

/** `anyone`, `account 444455556666`, `organization o-abc`, `s3.amazonaws.com for any account`. */
export function describeOutside(who: Outside): string {
  switch (who.kind) {
    case 'anyone':
      return 'anyone';
    case 'account':
      return who.via ? `${who.via} for account ${who.account}` : `account ${who.account}`;
    case 'organization':
      return who.via
        ? `${who.via} for organization ${who.organization}`
        : `organization ${who.organization}`;
    case 'service':
      return `${who.service} for any account`;
  }
}

/**
 * What the representative outsider stands for, in the terms of {@link Outside}.
 * An organisation the policy names counts as outside only when the operator
 * said which organisations are ours: without that there is no telling, and a
 * grant pinned to an organisation is presumed pinned to the owner's.
 */
function outsideOf(who: Outsider, owner: Ownership): Outside | undefined {
  const { caller } = who;
  if (caller.kind === 'anonymous') return { kind: 'anyone' };
  const via =
    caller.kind === 'service' && caller.service !== ANY_SERVICE ? caller.service : undefined;
  if (!who.freshAccount) return { kind: 'account', account: caller.account, via };
  if (!who.freshOrg && caller.org) {
    if (owner.trustedOrganizationIds.length === 0) return undefined;
    return { kind: 'organization', organization: caller.org, via };
  }
  return via ? { kind: 'service', service: via } : { kind: 'anyone' };
}

function grantedActions(
  allow: PolicyStatement,
  who: Outsider,
  denies: readonly PolicyStatement[],
): ActionSet | undefined {
  const minus = denies
    .filter((d) => resourcesCover(d.resources, allow.resources) && denyCertainlyApplies(d, who))
    .map((d) => d.actions);
  const set = { allow: allow.actions, minus };
  return setIsEmpty(set) ? undefined : set;
}

/** Several detectors ask about the same policy of the same event, with the same owner. */
const answered = new WeakMap<PolicyDocument, { key: string; grants: readonly OutsideGrant[] }>();

/** Every outsider the policy lets in, with what they may do; `anyone` first. */
export function outsideAccess(policy: PolicyDocument, owner: Ownership): readonly OutsideGrant[] {
  const key = [
    owner.ownAccount,
    ...owner.trustedAccounts,
    '|',
    ...owner.trustedOrganizationIds,
  ].join(',');
  const known = answered.get(policy);
  if (known?.key === key) return known.grants;
  const grants = judgePolicy(policy, owner);
  answered.set(policy, { key, grants });
  return grants;
}

function judgePolicy(policy: PolicyDocument, owner: Ownership): OutsideGrant[] {
  const denies = policy.statements.filter((s) => s.effect === 'Deny');
  const grants = new Map<string, { who: Outside; actions: ActionSet[] }>();
  for (const allow of policy.statements) {
    if (allow.effect !== 'Allow' || (!allow.principal && !allow.notPrincipal)) continue;
    for (const who of outsidersOf(outsiderSpace(allow, owner))) {
      const outside = outsideOf(who, owner);
      if (!outside || !allowAdmits(allow, who)) continue;
      const actions = grantedActions(allow, who, denies);
      if (!actions) continue;
      const key = describeOutside(outside);
      const grant = grants.get(key) ?? { who: outside, actions: [] };
      grant.actions.push(actions);
      grants.set(key, grant);
    }
  }
  return [...grants.values()].sort(
    (a, b) => Number(b.who.kind === 'anyone') - Number(a.who.kind === 'anyone'),
  );
}

/** Whether the grant lets its outsider perform `action`. */
export function grantPermits(grant: OutsideGrant, action: string): boolean {
  return grant.actions.some((set) => setPermits(set, action));
}

/** Whether principals reach the resource themselves, rather than through a service acting for them. */
export function isDirect(who: Outside): boolean {
  return who.kind === 'anyone' || (who.kind !== 'service' && who.via === undefined);
}
