import { Annotations, type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { TUNABLE_BUILTIN_IDS } from './catalog-ids.js';
import {
  CONTEXT_KEYS,
  ConfigError,
  parseConfig,
  readContext,
  unknownContextKeys,
} from './config.js';
import { ContextSchema } from './context-schema.js';
import { loadDetectorConfig } from './detector-config.js';
import { DEFAULT_HANDLERS } from './detector-functions.js';
import { runbookNamedQueries } from './runbook-queries.js';
import { TrailwatchStack, type TrailwatchStackProps } from './trailwatch-stack.js';
import { writeUserRuleEntries } from './user-rule-entries.js';
import { loadUserRules, type UserRules } from './user-rules.js';

/** Everything of the stack's props that does not come from context. */
export type TrailwatchExtras = Omit<TrailwatchStackProps, 'config'> & {
  /** The `detectorsDir` folder, loaded and checked (see {@link createTrailwatchApp}). */
  readonly userRules?: UserRules;
};

/**
 * What `cdk synth` runs (infra/bin/app.ts): loads and checks the user detectors of the
 * `detectorsDir` context key, if any (importing them is asynchronous), then builds the
 * stack with them bundled into the functions.
 */
export async function createTrailwatchApp(
  app: App,
  extras: TrailwatchExtras = {},
): Promise<TrailwatchStack> {
  const parsed = ContextSchema.shape.detectorsDir.safeParse(app.node.tryGetContext('detectorsDir'));
  const dir = parsed.success ? parsed.data : undefined;
  // An invalid value is left to createTrailwatchStack, which reports it with the other keys.
  const userRules = dir === undefined ? undefined : await loadUserRules(dir);
  return createTrailwatchStack(app, { ...extras, ...(userRules && { userRules }) });
}

/**
 * Builds the trailwatch stack from the app's context: the same path `cdk synth` takes
 * and the tests take. Throws a ConfigError listing every bad context key (or every
 * problem of the config file). With `detectorsDir` set, `extras.userRules` must hold
 * the loaded folder: use {@link createTrailwatchApp}.
 */
export function createTrailwatchStack(app: App, extras: TrailwatchExtras = {}): TrailwatchStack {
  const { userRules, ...props } = extras;
  const userIds = (userRules?.detectors ?? []).map((d) => d.id);
  const config = parseConfig(readContext(app.node), new Set([...TUNABLE_BUILTIN_IDS, ...userIds]));
  if (config.detectorsDir !== undefined && userRules === undefined) {
    throw new ConfigError([
      'detectorsDir: the folder must be loaded before the stack is built; use createTrailwatchApp (as infra/bin/app.ts does)',
    ]);
  }
  const cloudTrailDetectors = userRules
    ? [...BUILTIN_DETECTORS, ...userRules.detectors]
    : BUILTIN_DETECTORS;
  const stack = new TrailwatchStack(app, config.stackName, {
    description: 'trailwatch: CloudTrail security monitoring (detectors, alerts, Athena)',
    detectorConfig: loadDetectorConfig(config.configFile, process.cwd(), cloudTrailDetectors),
    namedQueries: runbookNamedQueries(),
    ...props,
    // The functions bundle the rules through generated entries around the handlers.
    ...(userRules && {
      handlers: writeUserRuleEntries(userRules, props.handlers ?? DEFAULT_HANDLERS),
    }),
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
