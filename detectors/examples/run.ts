import { DetectorEngine } from '../engine.js';
import {
  DEFAULT_SETTINGS,
  type Detector,
  type DetectorExample,
  type DetectorExamples,
  type Finding,
} from '../types.js';

/** The verdict on one example. */
export interface ExampleOutcome {
  readonly detector: string;
  readonly expect: 'fire' | 'noFire';
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed, in words a rule author can act on. */
  readonly reason?: string;
}

/**
 * Whether the example's events would raise the detector's alert. For a threshold
 * detector that means enough findings (or distinct values) to reach the count;
 * every example is assumed to sit inside one window.
 */
function raises(detector: Detector, findings: readonly Finding[]): boolean {
  const threshold = detector.threshold;
  if (!threshold) return findings.length > 0;
  if (threshold.distinct) return distinctValuesOf(findings).size >= threshold.count;
  return findings.length >= threshold.count;
}

/**
 * Every value the findings count, `distinctValue` and `distinctValues` alike.
 * Findings without any value count as one shared value, as the aggregator does.
 */
function distinctValuesOf(findings: readonly Finding[]): Set<string> {
  const values = new Set<string>();
  for (const finding of findings) {
    const own: unknown[] = [finding.distinctValue];
    const many: unknown = finding.distinctValues;
    if (Array.isArray(many)) own.push(...many);
    const usable = own.filter((v): v is string => typeof v === 'string' && v.length > 0);
    if (usable.length === 0) values.add(NO_VALUE);
    for (const value of usable) values.add(`v:${value}`);
  }
  return values;
}

/** Stands for "no usable value"; real values are prefixed, so it cannot collide. */
const NO_VALUE = 'none';

function runOne(detector: Detector, example: DetectorExample, expect: 'fire' | 'noFire') {
  const engine = new DetectorEngine([detector], {
    settings: { ...DEFAULT_SETTINGS, ...example.settings },
  });
  const findings: Finding[] = [];
  let error: unknown;
  for (const event of example.events) {
    findings.push(
      ...engine.evaluate(event, (e) => {
        error ??= e;
      }),
    );
  }
  if (error) {
    return { passed: false, reason: `detector threw: ${(error as Error).message}` };
  }
  const fired = raises(detector, findings);
  if (expect === 'fire' && !fired) {
    return { passed: false, reason: `expected an alert, got ${findings.length} finding(s)` };
  }
  if (expect === 'noFire' && fired) {
    return { passed: false, reason: `expected no alert, got ${findings.length} finding(s)` };
  }
  return { passed: true };
}

/** Runs a detector's fire and no-fire examples through the real engine. */
export function runExamples(detector: Detector, examples: DetectorExamples): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  for (const [expect, list] of [
    ['fire', examples.fire],
    ['noFire', examples.noFire],
  ] as const) {
    for (const example of list) {
      const verdict = runOne(detector, example, expect);
      outcomes.push({ detector: detector.id, expect, name: example.name, ...verdict });
    }
  }
  return outcomes;
}
