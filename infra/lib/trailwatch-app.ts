import { Annotations, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CONTEXT_KEYS, parseConfig, readContext, unknownContextKeys } from './config.js';
import { loadDetectorConfig } from './detector-config.js';
import { runbookNamedQueries } from './runbook-queries.js';
import { TrailwatchStack, type TrailwatchStackProps } from './trailwatch-stack.js';

/** Everything of the stack's props that does not come from context. */
export type TrailwatchExtras = Omit<TrailwatchStackProps, 'config'>;

/**
 * Builds the trailwatch stack from the app's context: the same path `cdk synth` takes
 * (infra/bin/app.ts) and the tests take. Throws a ConfigError listing every bad context key
 * (or every problem of the config file).
 */
export function createTrailwatchStack(app: App, extras: TrailwatchExtras = {}): TrailwatchStack {
  const config = parseConfig(readContext(app.node));
  const stack = new TrailwatchStack(app, config.stackName, {
    description: 'trailwatch: CloudTrail security monitoring (detectors, alerts, Athena)',
    detectorConfig: loadDetectorConfig(config.configFile),
    namedQueries: runbookNamedQueries(),
    ...extras,
    config,
  });
  for (const key of unknownContextKeys(app.node.getAllContext())) {
    Annotations.of(stack).addWarningV2(
      'trailwatch:unknownContextKey',
      `Context key "${key}" is not a trailwatch setting and is ignored. Known keys: ${CONTEXT_KEYS.join(', ')}.`,
    );
  }
  return stack;
}

/** cdk-nag's AwsSolutions pack: any unacknowledged finding makes synthesis fail. */
export function addSecurityChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}
