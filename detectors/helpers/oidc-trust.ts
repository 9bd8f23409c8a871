import { parseOperator } from '../semantics/condition-operators.js';
import type { PolicyStatement } from '../semantics/index.js';

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
 * The `sub` values a token must match. Every token carries `sub`, so
 * `…IfExists` and `ForAllValues:` narrow as much as the plain operator; a
 * negated operator lets every other value in, and `Null` tests presence only.
 */
function requiredSubs(statement: PolicyStatement, key: string): string[] {
  return statement.conditions.flatMap((entry) => {
    if (entry.key !== key) return [];
    const op = parseOperator(entry.operator);
    const requires = !op.negated && op.family !== 'null' && op.family !== 'unknown';
    return requires ? entry.values : [];
  });
}

/**
 * Shared CI issuers a statement trusts without pinning `sub` to an owner, e.g.
 * `token.actions.githubusercontent.com` with only an `aud` condition: anyone on
 * GitHub could then assume the role from their own workflow.
 */
export function unpinnedCiIssuers(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow') return [];
  const out: string[] = [];
  for (const federated of statement.principal?.federated ?? []) {
    const issuer = issuerOf(federated);
    const shared = sharedIssuer(issuer);
    if (!shared) continue;
    const subs = requiredSubs(statement, `${issuer}:sub`);
    if (subs.length === 0 || !subs.every(subPinsOwner)) out.push(shared);
  }
  return out;
}
