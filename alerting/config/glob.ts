/**
 * `*` globs for ARNs, resources and user agents, matched without regular
 * expressions: a pattern is split on `*` into literal segments, and a subject
 * matches when the first segment is its prefix, the last its suffix and the ones
 * between occur in order. Taking the leftmost occurrence of each middle segment is
 * always safe, so there is no backtracking: the cost is one `indexOf` per segment,
 * whatever the pattern (`a*a*a*a*b` included).
 */

/** Subjects longer than this match no pattern: an oversized field never suppresses an alert. */
export const MAX_GLOB_SUBJECT_CHARS = 16_384;

/** A compiled glob: `true` when the whole subject matches. */
export type GlobMatcher = (subject: string) => boolean;

export interface GlobOptions {
  /** Compare without case (user agents); ARNs and resources are compared exactly. */
  readonly ignoreCase?: boolean;
}

/** Compiles a pattern where `*` matches any run of characters (`/` and `:` included). */
export function compileGlob(pattern: string, options: GlobOptions = {}): GlobMatcher {
  const fold = options.ignoreCase ? (s: string) => s.toLowerCase() : (s: string) => s;
  const segments = fold(pattern).split('*');
  const first = segments[0] ?? '';
  if (segments.length === 1) {
    return (subject) => subject.length <= MAX_GLOB_SUBJECT_CHARS && fold(subject) === first;
  }
  const last = segments[segments.length - 1] ?? '';
  const middle = segments.slice(1, -1).filter((s) => s.length > 0);
  const minLength = first.length + last.length + middle.reduce((n, s) => n + s.length, 0);
  return (raw) => {
    if (raw.length > MAX_GLOB_SUBJECT_CHARS || raw.length < minLength) return false;
    const subject = fold(raw);
    if (!subject.startsWith(first) || !subject.endsWith(last)) return false;
    // The middle segments must fit between the prefix and the suffix, without overlapping them.
    let at = first.length;
    const end = subject.length - last.length;
    for (const segment of middle) {
      const found = subject.indexOf(segment, at);
      if (found < 0 || found + segment.length > end) return false;
      at = found + segment.length;
    }
    return true;
  };
}

/** True when the pattern is made only of `*`: it would match everything. */
export function matchesEverything(pattern: string): boolean {
  return /^\*+$/.test(pattern);
}
