/**
 * The callers a policy is judged against: everyone who is neither the owner's
 * account nor a trusted account or organisation. Infinitely many, so each is
 * stood for by a representative: an anonymous caller; a principal of an
 * account nobody names (a "fresh" account, which behaves like every unnamed
 * account); a principal of each outside account the statement names; and AWS
 * services acting for a resource in such an account (the confused deputy).
 * Organisation membership is a second dimension: none, a fresh organisation,
 * or an outside organisation the statement names.
 */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'principal'; readonly account: string; readonly org?: string }
  | {
      readonly kind: 'service';
      /** Lower-cased service principal, or {@link ANY_SERVICE} for a `*` grant. */
      readonly service: string;
      readonly account: string;
      readonly org?: string;
    };

export interface Outsider {
  readonly caller: Caller;
  /** The account is one no policy value names: it stands for every unnamed account. */
  readonly freshAccount: boolean;
  /** The organisation, if any, is one no policy value names. */
  readonly freshOrg: boolean;
}

/** Stands for any service a `*` principal also admits. */
export const ANY_SERVICE = 'any-service.amazonaws.com';

/** Placeholders no real policy names; chosen again if a policy does name them. */
const FRESH_ACCOUNTS = ['000000000000', '000000000001', '000000000002'];
const FRESH_ORGS = ['o-0utsider000', 'o-0utsider001', 'o-0utsider002'];

export interface OutsiderSpace {
  readonly accounts: readonly string[];
  readonly orgs: readonly string[];
  readonly services: readonly string[];
  /** Whether organisation membership matters to the statement at all. */
  readonly orgKeys: boolean;
  /** Every value the statement mentions, so fresh placeholders never collide with one. */
  readonly mentioned: ReadonlySet<string>;
}

function fresh(candidates: readonly string[], mentioned: ReadonlySet<string>): string {
  return candidates.find((c) => !mentioned.has(c)) ?? candidates[0] ?? '';
}

/** Every representative outsider of a statement's space. */
export function outsidersOf(space: OutsiderSpace): Outsider[] {
  const freshAccount = fresh(FRESH_ACCOUNTS, space.mentioned);
  const freshOrg = fresh(FRESH_ORGS, space.mentioned);
  const accounts: [string, boolean][] = [
    [freshAccount, true],
    ...space.accounts.map((a): [string, boolean] => [a, false]),
  ];
  const orgs: [string | undefined, boolean][] = space.orgKeys
    ? [[undefined, true], [freshOrg, true], ...space.orgs.map((o): [string, boolean] => [o, false])]
    : [[undefined, true]];
  const out: Outsider[] = [{ caller: { kind: 'anonymous' }, freshAccount: true, freshOrg: true }];
  for (const [account, isFreshAccount] of accounts) {
    for (const [org, isFreshOrg] of orgs) {
      const base = { freshAccount: isFreshAccount, freshOrg: isFreshOrg };
      out.push({ caller: { kind: 'principal', account, org }, ...base });
      for (const service of space.services) {
        out.push({ caller: { kind: 'service', service, account, org }, ...base });
      }
    }
  }
  return out;
}
