import { expect } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type DetectorSettings,
  type Finding,
  SEVERITY_RANK,
  type Severity,
} from '../../detectors/types.js';

/**
 * An attempt to make a change the detectors must see, written another way, and
 * beside it a near-miss that looks alike but changes nothing that matters.
 */
export interface EvasionCase {
  readonly name: string;
  /** The rephrased change: `detector` must report it at `severity` or above. */
  readonly evasion: CloudTrailEvent;
  readonly detector: string;
  readonly severity: Severity;
  /** The near-miss: no built-in detector may report it at medium or above. */
  readonly control: CloudTrailEvent;
  readonly settings?: Partial<DetectorSettings>;
}

/** Every built-in detector through the real engine, as a scan or the Lambda runs them. */
export function builtinFindings(
  event: CloudTrailEvent,
  settings: Partial<DetectorSettings> = {},
): Finding[] {
  const engine = new DetectorEngine(BUILTIN_DETECTORS, {
    settings: { ...DEFAULT_SETTINGS, ...settings },
  });
  return engine.evaluate(event, (error) => {
    throw error;
  });
}

const brief = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.detector.id}:${f.severity}`);

/** The evasion raises its detector at the expected severity or above. */
export function expectCaught(c: EvasionCase): void {
  const findings = builtinFindings(c.evasion, c.settings);
  const hit = findings.find(
    (f) => f.detector.id === c.detector && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[c.severity],
  );
  expect(hit, `expected ${c.detector} at ${c.severity}+, got [${brief(findings)}]`).toBeDefined();
}

/** The near-miss raises nothing an on-call engineer would be paged or asked to review for. */
export function expectQuiet(c: EvasionCase): void {
  const loud = builtinFindings(c.control, c.settings).filter(
    (f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.medium,
  );
  expect(brief(loud)).toEqual([]);
}
