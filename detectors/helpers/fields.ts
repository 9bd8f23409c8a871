/**
 * Safe access to the free-form parts of a CloudTrail record (`requestParameters`,
 * `responseElements`, ...). These are attacker-influenced and vary per API, per
 * API version and between JSON- and XML-derived bodies, so nothing here throws.
 */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads `obj[k1][k2]...`. Each key is tried exactly first, then case-insensitively,
 * because bodies that AWS converts from XML (S3 ACLs, lifecycle rules) differ in
 * case between APIs and over time. Own properties only: `__proto__` and friends in
 * hostile input are plain data here.
 */
export function getPath(obj: Json, ...keys: readonly string[]): Json {
  let current: Json = obj;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    if (Object.hasOwn(current, key)) {
      current = current[key];
      continue;
    }
    const lower = key.toLowerCase();
    const found = Object.keys(current).find((k) => k.toLowerCase() === lower);
    if (found === undefined) return undefined;
    current = current[found];
  }
  return current;
}

/** A value as a list: CloudTrail writes a single grant or statement as an object, several as an array. */
export function asArray(value: Json): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A string field, or undefined when absent or not a string. */
export function asString(value: Json): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Boolean-ish values as AWS logs them: `true`, `"true"`, `"True"`. */
export function isTrue(value: Json): boolean {
  return value === true || (typeof value === 'string' && value.toLowerCase() === 'true');
}

/** `false`, `"false"`, `"False"`. Absent is not false. */
export function isFalse(value: Json): boolean {
  return value === false || (typeof value === 'string' && value.toLowerCase() === 'false');
}

/** Every object reachable under `root` whose key matches `key` (case-insensitive), depth-limited. */
export function findAll(root: Json, key: string, maxDepth = 12): Json[] {
  const out: Json[] = [];
  const lower = key.toLowerCase();
  const walk = (node: Json, depth: number): void => {
    if (depth > maxDepth) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k.toLowerCase() === lower) out.push(v);
      walk(v, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}
