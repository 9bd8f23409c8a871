import { type ExampleOutcome, runExamples } from '../examples/run.js';
import type { Detector, DetectorExamples } from '../types.js';
import { type OddInputCrash, oddInputCrashes } from './odd-input.js';

export type ExampleKind = 'fire' | 'noFire';

/** One detector's verdict: its examples run, and which kind of example it lacks. */
export interface DetectorTestResult {
  readonly id: string;
  readonly source: 'builtin' | 'user';
  /** The file that defined a user detector. */
  readonly file?: string;
  readonly outcomes: readonly ExampleOutcome[];
  /** Kinds with no example at all; a detector must have both. */
  readonly missing: readonly ExampleKind[];
  /** Throws on damaged copies of its example events (null bodies, wrong types). */
  readonly crashes: readonly OddInputCrash[];
}

/** A user file that could not be loaded, as test-detectors reports it. */
export interface LoadProblem {
  readonly file: string;
  readonly reason: string;
}

export interface TestReport {
  readonly detectors: readonly DetectorTestResult[];
  readonly loadProblems: readonly LoadProblem[];
  readonly totals: {
    readonly detectors: number;
    readonly examples: number;
    readonly passed: number;
    readonly failed: number;
    /** Detectors missing fire or no-fire examples. */
    readonly incomplete: number;
    /** Odd-input variants a detector threw on. */
    readonly crashes: number;
    readonly loadProblems: number;
  };
  /**
   * True when every example passed, every detector has both kinds, none threw on
   * odd input, and every user file loaded.
   */
  readonly ok: boolean;
}

export interface DetectorUnderTest {
  readonly detector: Detector;
  readonly source: 'builtin' | 'user';
  readonly file?: string;
}

/**
 * Runs every detector's examples through the real engine (see `runExamples`),
 * checks it survives damaged copies of them (see `oddInputCrashes`), and judges
 * the whole set.
 */
export function testDetectors(
  detectors: readonly DetectorUnderTest[],
  examples: ReadonlyMap<string, DetectorExamples>,
  loadProblems: readonly LoadProblem[] = [],
): TestReport {
  const results: DetectorTestResult[] = detectors.map(({ detector, source, file }) => {
    const set = examples.get(detector.id) ?? { fire: [], noFire: [] };
    const missing: ExampleKind[] = [];
    if (set.fire.length === 0) missing.push('fire');
    if (set.noFire.length === 0) missing.push('noFire');
    return {
      id: detector.id,
      source,
      ...(file === undefined ? {} : { file }),
      outcomes: runExamples(detector, set),
      missing,
      crashes: oddInputCrashes(detector, set),
    };
  });
  const outcomes = results.flatMap((r) => r.outcomes);
  const failed = outcomes.filter((o) => !o.passed).length;
  const incomplete = results.filter((r) => r.missing.length > 0).length;
  const crashes = results.reduce((sum, r) => sum + r.crashes.length, 0);
  return {
    detectors: results,
    loadProblems,
    totals: {
      detectors: results.length,
      examples: outcomes.length,
      passed: outcomes.length - failed,
      failed,
      incomplete,
      crashes,
      loadProblems: loadProblems.length,
    },
    ok: failed === 0 && incomplete === 0 && crashes === 0 && loadProblems.length === 0,
  };
}
