import { accountOf, principalOf } from '../../detectors/helpers/identity.js';
import type { Finding } from '../../detectors/types.js';
import { compileAddressSet } from './address-set.js';
import { compileGlob, type GlobMatcher, MAX_GLOB_SUBJECT_CHARS } from './glob.js';
import type { Suppression } from './types.js';

/** Findings with more resources than this are never suppressed by `resources` (fail towards alerting). */
export const MAX_MATCHED_RESOURCES = 1000;

/** Finds the suppression that applies to a finding, if any. Never throws. */
export interface SuppressionMatcher {
  readonly rules: readonly Suppression[];
  /** The first rule (config order) that is active at `now` (epoch ms) and matches. */
  match(finding: Finding, now: number): Suppression | undefined;
}

/** True once the rule's expiry has passed: it no longer suppresses anything. */
export function isExpired(rule: Suppression, now: number): boolean {
  return rule.expiresAt !== undefined && now >= rule.expiresAt;
}

/** The rules already expired at `now`, to warn about (they are ignored, not errors). */
export function expiredSuppressions(rules: readonly Suppression[], now: number): Suppression[] {
  return rules.filter((rule) => isExpired(rule, now));
}

/** What the rules look at, read once per finding and only as far as a rule asks. */
interface Facts {
  readonly finding: Finding;
  account?: string;
  principals?: readonly string[];
}

type Test = (facts: Facts) => boolean;

interface CompiledRule {
  readonly rule: Suppression;
  readonly tests: readonly Test[];
}

/**
 * Compiles the rules once (globs, address sets). Expiry is checked on every call
 * against the `now` the caller gives: a long-lived Lambda container stops
 * suppressing the moment a rule expires, without a restart.
 */
export function compileSuppressions(rules: readonly Suppression[]): SuppressionMatcher {
  const compiled = rules.map(compileRule);
  return {
    rules,
    match(finding, now) {
      if (compiled.length === 0) return undefined;
      const facts: Facts = { finding };
      for (const { rule, tests } of compiled) {
        if (isExpired(rule, now)) continue;
        try {
          if (tests.every((test) => test(facts))) return rule;
        } catch {
          // An odd event must raise its alert, not vanish: a rule that cannot judge does not match.
        }
      }
      return undefined;
    },
  };
}

function compileRule(rule: Suppression): CompiledRule {
  const tests: Test[] = [];
  if (rule.detectors !== '*') {
    const ids = new Set(rule.detectors);
    tests.push(({ finding }) => ids.has(finding.detector.id));
  }
  if (rule.accounts) {
    const accounts = new Set(rule.accounts);
    tests.push((facts) => accounts.has(accountFacts(facts)));
  }
  if (rule.principals) {
    const globs = rule.principals.map((p) => compileGlob(p));
    tests.push((facts) => principalFacts(facts).some((p) => anyMatch(globs, p)));
  }
  if (rule.sourceIps) {
    const inSet = compileAddressSet(rule.sourceIps);
    tests.push(({ finding }) => {
      const ip: unknown = finding.event?.sourceIPAddress;
      return typeof ip === 'string' && inSet(ip);
    });
  }
  if (rule.userAgents) {
    const agentTests = rule.userAgents.map(userAgentTest);
    tests.push(({ finding }) => {
      const agent: unknown = finding.event?.userAgent;
      return typeof agent === 'string' && agentTests.some((test) => test(agent));
    });
  }
  if (rule.resources) {
    const globs = rule.resources.map((p) => compileGlob(p));
    tests.push(({ finding }) => {
      const resources: unknown = finding.resources;
      if (!Array.isArray(resources) || resources.length === 0) return false;
      if (resources.length > MAX_MATCHED_RESOURCES) return false;
      // Every resource: a finding about a suppressed bucket AND another one still alerts.
      return resources.every((r) => typeof r === 'string' && anyMatch(globs, r));
    });
  }
  return { rule, tests };
}

/** A plain value is a case-insensitive substring; with `*` it is a glob over the whole agent. */
function userAgentTest(pattern: string): GlobMatcher {
  if (pattern.includes('*')) return compileGlob(pattern, { ignoreCase: true });
  const needle = pattern.toLowerCase();
  return (agent) => agent.length <= MAX_GLOB_SUBJECT_CHARS && agent.toLowerCase().includes(needle);
}

function anyMatch(globs: readonly GlobMatcher[], subject: string): boolean {
  return globs.some((glob) => glob(subject));
}

function accountFacts(facts: Facts): string {
  facts.account ??= accountOf(facts.finding.event);
  return facts.account;
}

/**
 * The caller's own ARN (an assumed-role session), the role or user that issued the
 * session, and the principal alerts show (which covers identities without an ARN,
 * like AWS services: `cloudformation.amazonaws.com`).
 */
function principalFacts(facts: Facts): readonly string[] {
  if (facts.principals) return facts.principals;
  const identity = facts.finding.event?.userIdentity;
  const candidates = [
    identity?.arn,
    identity?.sessionContext?.sessionIssuer?.arn,
    safePrincipal(facts.finding),
  ];
  facts.principals = [
    ...new Set(candidates.filter((c): c is string => typeof c === 'string' && c.length > 0)),
  ];
  return facts.principals;
}

function safePrincipal(finding: Finding): string | undefined {
  try {
    return principalOf(finding.event);
  } catch {
    return undefined;
  }
}
