import type { Statement } from './policy.js';

/**
 * S3 actions that change or destroy data or take over the bucket. A statement
 * that allows any of them (directly, through a wildcard such as `s3:Put*` or
 * `s3:*Object`, or by `NotAction` leaving them out) lets its principal write.
 */
const S3_WRITE_ACTIONS = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:PutBucketPolicy',
  's3:PutBucketAcl',
  's3:DeleteBucket',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:PutBucketVersioning',
  's3:PutEncryptionConfiguration',
] as const;

/** Policy action patterns are long-ish in practice; beyond this they are not real actions. */
const MAX_PATTERN_CHARS = 256;

/**
 * IAM action matching: case-insensitive, `*` any run of characters, `?` one character.
 * Compiled without a regex so hostile patterns cannot cause backtracking blow-ups.
 */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern.length > MAX_PATTERN_CHARS) return false;
  const p = pattern.toLowerCase();
  const a = action.toLowerCase();
  let pi = 0;
  let ai = 0;
  let starPi = -1;
  let starAi = 0;
  while (ai < a.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === a[ai])) {
      pi += 1;
      ai += 1;
    } else if (pi < p.length && p[pi] === '*') {
      starPi = pi;
      starAi = ai;
      pi += 1;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      starAi += 1;
      ai = starAi;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

function isAllowed(statement: Statement, action: string): boolean {
  if (statement.actions.length > 0) {
    return statement.actions.some((pattern) => actionMatches(pattern, action));
  }
  // Allow + NotAction grants every action except the listed ones.
  if (statement.notActions.length > 0) {
    return !statement.notActions.some((pattern) => actionMatches(pattern, action));
  }
  return false;
}

/** True when an Allow statement lets its principal write, delete or re-permission S3 data. */
export function allowsS3Write(statement: Statement): boolean {
  return S3_WRITE_ACTIONS.some((action) => isAllowed(statement, action));
}
