import { burstScenarios } from './bursts.js';
import { cloudtrailScenarios } from './cloudtrail.js';
import { computeScenarios } from './compute.js';
import { edgeScenarios } from './edge.js';
import { iamScenarios } from './iam.js';
import { lambdaScenarios } from './lambda.js';
import { s3Scenarios } from './s3.js';
import { signinScenarios } from './signin.js';
import type { Scenario } from './types.js';

/** Every seeded scenario, attacks and decoys, in a fixed order (the order is part of the seed's output). */
export const ALL_SCENARIOS: readonly Scenario[] = [
  ...cloudtrailScenarios,
  ...s3Scenarios,
  ...iamScenarios,
  ...signinScenarios,
  ...computeScenarios,
  ...lambdaScenarios,
  ...edgeScenarios,
  ...burstScenarios,
];

/** The scenario of a kind; throws for an unknown kind (a bug in the caller). */
export function scenarioOf(kind: string): Scenario {
  const found = ALL_SCENARIOS.find((s) => s.kind === kind);
  if (!found) throw new Error(`unknown scenario kind: ${kind}`);
  return found;
}
