import type { Query } from '../schema.js';

/**
 * Declares a runbook query. The SQL is Trino (what Athena runs) restricted to the
 * portable subset the lint enforces; `:name` marks a parameter. Every query on
 * `cloudtrail_logs` starts its WHERE with the window predicate
 * `"timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end`.
 */
export function defineQuery(query: Query): Query {
  return query;
}

/**
 * Matches a principal given as an IAM user/role/root ARN, an assumed-role session
 * ARN, or an assumed-role ARN without its session name (how alerts group
 * sessions): every session of a role has `sessionIssuer.arn` = the role ARN and an
 * ARN starting with `arn:aws:sts::<acct>:assumed-role/<role>/`.
 */
export const PRINCIPAL_MATCH = `(useridentity.arn = :principal
       OR useridentity.sessioncontext.sessionissuer.arn = :principal
       OR starts_with(useridentity.arn, :principal || '/'))`;

/** Lambda logs `functionName` as a name or an ARN (with optional qualifier). */
export const FUNCTION_MATCH = `(json_extract_scalar(requestparameters, '$.functionName') = :functionName
       OR nullif(split_part(json_extract_scalar(requestparameters, '$.functionName'), ':', 7), '') = :functionName)`;
