/**
 * IAM's two wildcards, as the policy language defines them for actions,
 * resources and `…Like` condition values: `*` any run of characters (also
 * none), `?` exactly one. Matched without a regex so a hostile pattern cannot
 * cause backtracking blow-ups; text beyond a few kilobytes is no real value.
 */
const MAX_CHARS = 4096;

/** True when `text` matches `pattern`; `ignoreCase` for actions and `…IgnoreCase` operators. */
export function globMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern.length > MAX_CHARS || text.length > MAX_CHARS) return false;
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let starPi = -1;
  let starTi = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi += 1;
      ti += 1;
    } else if (pi < p.length && p[pi] === '*') {
      starPi = pi;
      starTi = ti;
      pi += 1;
    } else if (starPi >= 0) {
      pi = starPi + 1;
      starTi += 1;
      ti = starTi;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi += 1;
  return pi === p.length;
}

export function hasWildcard(value: string): boolean {
  return value.includes('*') || value.includes('?');
}

/**
 * A string the pattern matches, with `filler` where a `*` stands (`?` becomes
 * one `x`): what an outsider writes to satisfy a `…Like` condition whose
 * wildcards they control.
 */
export function instantiate(pattern: string, filler = ''): string {
  let out = '';
  for (const c of pattern) {
    if (c === '*') out += filler;
    else if (c === '?') out += 'x';
    else out += c;
  }
  return out;
}
