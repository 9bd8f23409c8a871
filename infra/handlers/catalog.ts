import { ACCESS_LOG_FINDING_DETECTORS } from '../../detectors/access-log/for-config.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { findingDetector } from '../../detectors/helpers/source-detector.js';
import { lambdaInvocationSpike } from '../../detectors/metrics/lambda-invocation-spike.js';
import type { Detector } from '../../detectors/types.js';
import {
  collectModule,
  emptyCollection,
  type RuleModule,
  sortedDetectors,
} from '../../detectors/user/collect.js';
import { HandlerConfigError } from './errors.js';

let bundledRules: readonly RuleModule[] = [];

/**
 * Hands the handlers the user rule modules esbuild bundled in. Called by the
 * Lambda entry the CDK app generates when the `detectorsDir` context key names a
 * rules folder (infra/lib/user-rule-entries.ts), before the first invocation
 * builds the handler. Without it the functions run the built-in catalog alone.
 */
export function registerBundledRules(modules: readonly RuleModule[]): void {
  bundledRules = modules;
}

/**
 * The CloudTrail detectors the functions run: the built-in catalog and the
 * bundled user detectors, validated exactly as `trailwatch scan --detectors`
 * validates them. All or nothing: `cdk synth` already refused a folder with a
 * problem, so one here means a bundle built some other way, and running without
 * a rule the operator deployed would be a silent gap.
 *
 * @throws HandlerConfigError naming every file and reason.
 */
export function handlerDetectors(
  modules: readonly RuleModule[] = bundledRules,
): readonly Detector[] {
  if (modules.length === 0) return BUILTIN_DETECTORS;
  const reserved = new Set(BUILTIN_DETECTORS.map((d) => d.id));
  const collected = emptyCollection();
  for (const module of modules) collectModule(module, reserved, collected);
  if (collected.errors.length > 0) {
    throw new HandlerConfigError(
      `bundled user detectors are invalid: ${collected.errors.map((e) => e.message).join('; ')}`,
    );
  }
  return [...BUILTIN_DETECTORS, ...sortedDetectors(collected)].sort((a, b) =>
    a.id.localeCompare(b.id),
  );
}

/** The invocation-spike detector as the `Detector` a config tunes (severity, dedup, enabled). */
export const SPIKE_FINDING_DETECTOR: Detector = findingDetector(lambdaInvocationSpike);

/**
 * Every detector a config may name, whichever function reads it: all functions
 * get the same TRAILWATCH_CONFIG, so each validates it against the whole set.
 */
export function tunableDetectors(cloudTrail: readonly Detector[]): readonly Detector[] {
  return [...cloudTrail, ...ACCESS_LOG_FINDING_DETECTORS, SPIKE_FINDING_DETECTOR];
}
