import { arnMatches } from './arn-match.js';
import type { PatternList } from './policy-document.js';
import { globMatch, instantiate } from './wildcard.js';

/**
 * Actions an Allow grants (its Action, or everything but its NotAction) minus
 * what certain Denies take away. Action names match case-insensitively.
 */
export interface ActionSet {
  readonly allow: PatternList;
  readonly minus: readonly PatternList[];
}

/** An action no service has: what `*` and NotAction grant beyond every named action. */
export const UNNAMED_ACTION = 'zz0unnamed:UnnamedAction';

export function listHasAction(list: PatternList, action: string): boolean {
  const hit = list.patterns.some((p) => globMatch(p, action, true));
  return list.mode === 'only' ? hit : !hit;
}

export function setPermits(set: ActionSet, action: string): boolean {
  return listHasAction(set.allow, action) && !set.minus.some((m) => listHasAction(m, action));
}

/**
 * Whether anything is left: some action the Allow names (spelled out from its
 * pattern) or an unnamed one for a NotAction grant survives the Denies.
 */
export function setIsEmpty(set: ActionSet): boolean {
  if (set.minus.length === 0) {
    const { mode, patterns } = set.allow;
    return mode === 'only' ? patterns.length === 0 : patterns.some(isUniversal);
  }
  const witnesses =
    set.allow.mode === 'only'
      ? set.allow.patterns.flatMap((p) => [
          instantiate(p),
          instantiate(p, 'x'),
          instantiate(p, 'Zz9'),
        ])
      : [UNNAMED_ACTION, ...set.allow.patterns.map((p) => `${instantiate(p)}0unnamed`)];
  return !witnesses.some((action) => setPermits(set, action));
}

function isUniversal(pattern: string): boolean {
  return /^\*+$/.test(pattern);
}

/**
 * Whether a Deny's Resource (or NotResource) covers every resource an Allow
 * names. Patterns are compared as text: a Deny pattern covers an Allow pattern
 * it matches literally (`arn:aws:s3:::b/*` covers `arn:aws:s3:::b/*` and
 * `arn:aws:s3:::b/x`); anything unsure is "not covered", so the Allow stands.
 */
export function resourcesCover(deny: PatternList, allow: PatternList): boolean {
  if (deny.mode === 'except' && deny.patterns.length === 0) return true;
  if (deny.mode === 'only' && deny.patterns.some(isUniversal)) return true;
  if (allow.mode === 'except') return false;
  return allow.patterns.every((resource) =>
    deny.mode === 'only'
      ? deny.patterns.some((d) => arnMatches(d, resource))
      : !deny.patterns.some((d) => arnMatches(d, resource) || arnMatches(resource, d)),
  );
}

/** Whether a Resource/NotResource list includes one concrete ARN. */
export function listHasResource(list: PatternList, resource: string): boolean {
  const hit = list.patterns.some((p) => isUniversal(p) || arnMatches(p, resource));
  return list.mode === 'only' ? hit : !hit;
}
