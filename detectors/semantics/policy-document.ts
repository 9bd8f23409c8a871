/**
 * A policy document as the IAM JSON policy reference defines it, read from
 * whatever CloudTrail logged: a parsed object (S3), a JSON string, or a
 * URL-encoded JSON string (IAM); `Statement` as one object or a list; every
 * list element (Action, Resource, principal values, condition values) as one
 * value or a list. Hostile input is normal input: anything that is not a
 * policy reads as undefined, junk statements are skipped, sizes are capped
 * far above what AWS accepts (20 KB for a bucket policy, 32 KB for a key policy).
 */

/** `only` the listed patterns (Action, Resource) or everything `except` them (NotAction, NotResource). */
export interface PatternList {
  readonly mode: 'only' | 'except';
  readonly patterns: readonly string[];
}

/** Principal or NotPrincipal, values kept apart by the key they are filed under. */
export interface PrincipalSet {
  /** `"*"` or `{"AWS": "*"}`: every principal, signed or not. */
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

/** One key under one operator: `"StringEquals": {"aws:PrincipalOrgID": ["o-1"]}`. */
export interface ConditionEntry {
  /** As written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** Lower-cased: condition keys are case-insensitive. */
  readonly key: string;
  readonly values: readonly string[];
}

export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  /** Absent in identity policies: they apply to whoever holds them. */
  readonly principal?: PrincipalSet;
  readonly notPrincipal?: PrincipalSet;
  readonly actions: PatternList;
  readonly resources: PatternList;
  readonly conditions: readonly ConditionEntry[];
}

export interface PolicyDocument {
  readonly statements: readonly PolicyStatement[];
}

const MAX_STATEMENTS = 2000;
const MAX_VALUES = 2000;
const MAX_CONDITION_ENTRIES = 200;

/**
 * Several detectors read the same policy of the same event: remember the last
 * few. Documents are immutable, so sharing one is safe.
 */
const recentTexts = new Map<string, PolicyDocument | undefined>();
const recentObjects = new WeakMap<object, PolicyDocument | undefined>();
const RECENT_TEXTS = 4;

/** Reads a policy; undefined when `doc` is not one (no statement at all). */
export function readPolicy(doc: unknown): PolicyDocument | undefined {
  if (typeof doc === 'string') {
    if (recentTexts.has(doc)) return recentTexts.get(doc);
    const read = readUncached(doc);
    if (recentTexts.size >= RECENT_TEXTS) recentTexts.clear();
    recentTexts.set(doc, read);
    return read;
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  if (recentObjects.has(doc)) return recentObjects.get(doc);
  const read = readUncached(doc);
  recentObjects.set(doc, read);
  return read;
}

function readUncached(doc: unknown): PolicyDocument | undefined {
  const root = toObject(doc);
  if (!root) return undefined;
  const raw = root.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) return undefined;
  const statements: PolicyStatement[] = [];
  for (const item of list.slice(0, MAX_STATEMENTS)) {
    const statement = isRecord(item) ? readStatement(item) : undefined;
    if (statement) statements.push(statement);
  }
  return { statements };
}

/** Reads one statement object, as Lambda's AddPermission logs it in its response. */
export function readStatement(raw: Record<string, unknown>): PolicyStatement | undefined {
  const effect = effectOf(raw.Effect);
  const actions = patternList(raw.Action, raw.NotAction);
  if (!effect || !actions) return undefined;
  return {
    effect,
    principal: raw.Principal === undefined ? undefined : principalSet(raw.Principal),
    notPrincipal: raw.NotPrincipal === undefined ? undefined : principalSet(raw.NotPrincipal),
    actions,
    // A statement without Resource (trust policies, some resource policies) covers the resource it is on.
    resources: patternList(raw.Resource, raw.NotResource) ?? { mode: 'except', patterns: [] },
    conditions: conditionsOf(raw.Condition),
  };
}

function toObject(doc: unknown): Record<string, unknown> | undefined {
  if (isRecord(doc)) return doc;
  if (typeof doc !== 'string') return undefined;
  const text = doc.trim();
  const candidates = [text];
  if (text.includes('%')) {
    try {
      candidates.push(decodeURIComponent(text.replace(/\+/g, ' ')));
    } catch {
      // a malformed escape: the raw text is all there is
    }
  }
  for (const candidate of candidates) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (isRecord(value)) return value;
    } catch {
      // not JSON in this spelling; try the next
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Policy grammar allows strings only; numbers and booleans appear in hand-written conditions. */
function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const v of list.slice(0, MAX_VALUES)) {
    if (typeof v === 'string') out.push(v.trim());
    else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
  }
  return out;
}

function effectOf(value: unknown): 'Allow' | 'Deny' | undefined {
  const effect = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return effect === 'allow' ? 'Allow' : effect === 'deny' ? 'Deny' : undefined;
}

function patternList(only: unknown, except: unknown): PatternList | undefined {
  if (only !== undefined) return { mode: 'only', patterns: values(only) };
  if (except !== undefined) return { mode: 'except', patterns: values(except) };
  return undefined;
}

function principalSet(value: unknown): PrincipalSet {
  if (!isRecord(value)) {
    // Only `"*"` is valid as a bare string.
    return {
      anyone: values(value).includes('*'),
      aws: [],
      service: [],
      federated: [],
      canonicalUser: [],
    };
  }
  const aws: string[] = [];
  const service: string[] = [];
  const federated: string[] = [];
  const canonicalUser: string[] = [];
  // A Map, not an object: a hostile key such as `constructor` must find nothing.
  const lists = new Map([
    ['aws', aws],
    ['service', service],
    ['federated', federated],
    ['canonicaluser', canonicalUser],
  ]);
  for (const [key, raw] of Object.entries(value)) {
    lists.get(key.trim().toLowerCase())?.push(...values(raw));
  }
  return {
    anyone: aws.includes('*'),
    aws: aws.filter((v) => v !== '*'),
    service,
    federated,
    canonicalUser,
  };
}

function conditionsOf(value: unknown): ConditionEntry[] {
  if (!isRecord(value)) return [];
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(value)) {
    if (!isRecord(block)) continue;
    for (const [key, raw] of Object.entries(block)) {
      if (out.length >= MAX_CONDITION_ENTRIES) return out;
      out.push({ operator: operator.trim(), key: key.trim().toLowerCase(), values: values(raw) });
    }
  }
  return out;
}
