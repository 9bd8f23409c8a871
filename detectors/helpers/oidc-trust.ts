import { conditionValues, type TypedStatement } from './policy-exposure.js';

/**
 * OpenID Connect issuers shared by every customer of a public CI service. A role
 * that trusts one of them must pin the token's `sub` claim to the customer's own
 * organisation or project; otherwise any repository on the service can assume it.
 * Issuers that are already per-customer (CircleCI's `oidc.circleci.com/org/<id>`,
 * Bitbucket's per-workspace URL) are not listed.
 */
const SHARED_CI_ISSUERS = ['token.actions.githubusercontent.com', 'gitlab.com', 'app.terraform.io'];

/** `sub` claim prefixes whose first segment names the owning organisation. */
const OWNER_PREFIX =
  /^(?:repo|project_path|organization|repository_owner|repository_owner_id|enterprise):(.*)$/i;

/** The issuer a federated principal names: the host and path of an OIDC provider ARN, or the value. */
function issuerOf(federated: string): string {
  const match = /^arn:[^:]+:iam::\d{12}:oidc-provider\/(.+)$/i.exec(federated);
  return (match?.[1] ?? federated).toLowerCase();
}

function sharedIssuer(issuer: string): string | undefined {
  return SHARED_CI_ISSUERS.find((host) => issuer === host || issuer.startsWith(`${host}/`));
}

/**
 * True when a `sub` value limits tokens to one owner: `repo:my-org/*` does,
 * `repo:*` and `repo:my-org*` (an attacker can register `my-org-evil`) do not.
 */
function subPinsOwner(value: string): boolean {
  const match = OWNER_PREFIX.exec(value);
  if (!match) return value !== '' && !/^[*?]/.test(value);
  const owner = (match[1] ?? '').split(/[/:]/)[0] ?? '';
  return owner !== '' && !/[*?]/.test(owner);
}

/**
 * Shared CI issuers a statement trusts without pinning `sub` to an owner, e.g.
 * `token.actions.githubusercontent.com` with only an `aud` condition: anyone on
 * GitHub could then assume the role from their own workflow.
 */
export function unpinnedCiIssuers(typed: TypedStatement): string[] {
  if (typed.statement.effect.trim().toLowerCase() !== 'allow') return [];
  const out: string[] = [];
  for (const federated of typed.federated) {
    const issuer = issuerOf(federated);
    const shared = sharedIssuer(issuer);
    if (!shared) continue;
    const subs = conditionValues(typed.statement, `${issuer}:sub`);
    if (subs.length === 0 || !subs.every(subPinsOwner)) out.push(shared);
  }
  return out;
}
