import { Aws, Stack, Token } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { METRICS } from './defaults.js';
import { DetectorFunction } from './detector-function.js';

/** Props of {@link InvocationSpikeDetector}. */
export interface InvocationSpikeDetectorProps {
  /** Absolute path of infra/handlers/metrics.ts (or a stand-in); it exports `handler`. */
  readonly entry: string;
  /** The environment every detector function gets (topics, config, state table, runbooks). */
  readonly environment: Readonly<Record<string, string>>;
  /** The pipeline's other functions: their invocations follow CloudTrail's volume, not an attack. */
  readonly ownFunctions: readonly IFunction[];
}

/** Longest name or prefix METRICS_EXCLUDE_FUNCTIONS accepts before its `*` (a function name's limit). */
const MAX_PATTERN = 64;

/**
 * The scheduled `lambda-invocation-spike` detector: EventBridge Scheduler invokes it every
 * few minutes, never retrying (the next run re-reads the same periods), and one run at a
 * time. It reads the account's Lambda Invocations metrics and alerts through the same
 * topics and state as the other detectors. The pipeline's own functions are never judged:
 * the stack's functions by name, and anything named `<stack name>-*` (CloudFormation's
 * generated names, which include this function and CDK's helper functions).
 */
export class InvocationSpikeDetector extends Construct {
  readonly detector: DetectorFunction;
  readonly schedule: Schedule;
  /** The role EventBridge Scheduler assumes to invoke the function. */
  readonly schedulerRole: Role;

  constructor(scope: Construct, id: string, props: InvocationSpikeDetectorProps) {
    super(scope, id);
    this.detector = new DetectorFunction(this, 'Function', {
      entry: props.entry,
      description: 'trailwatch: judges Lambda invocation counts for spikes (scheduled)',
      memorySize: METRICS.memorySize,
      timeout: METRICS.timeout,
      reservedConcurrency: METRICS.reservedConcurrency,
      // Scheduler invokes asynchronously; a failed run is reported by its error, not rerun.
      asyncInvoke: { retryAttempts: 0, maxEventAge: METRICS.maxEventAge },
      environment: {
        ...props.environment,
        METRICS_PERIOD_SECONDS: String(METRICS.periodSeconds),
        METRICS_SETTLE_SECONDS: String(METRICS.settleSeconds),
        METRICS_EVALUATE_SECONDS: String(METRICS.evaluateSeconds),
        METRICS_EXCLUDE_FUNCTIONS: excludedFunctions(this, props.ownFunctions).join(','),
      },
    });
    this.schedulerRole = schedulerRoleFor(this, this.detector.function);
    this.schedule = new Schedule(this, 'Schedule', {
      description: 'trailwatch: runs the Lambda invocation-spike detector',
      schedule: ScheduleExpression.rate(METRICS.rate),
      target: new LambdaInvoke(this.detector.function, {
        // LambdaInvoke's own grant also allows every version and alias (`<arn>:*`); the
        // schedule invokes $LATEST only, so the role gets exactly that, set below.
        role: this.schedulerRole.withoutPolicyUpdates(),
        retryAttempts: METRICS.retryAttempts,
        maxEventAge: METRICS.maxEventAge,
      }),
    });
  }
}

/** The functions' names, then `<stack name>-*` when the stack name is known at synth time. */
function excludedFunctions(scope: Construct, functions: readonly IFunction[]): string[] {
  const names = functions.map((fn) => fn.functionName);
  const stackName = Stack.of(scope).stackName;
  if (Token.isUnresolved(stackName)) return names;
  return [...names, `${`${stackName}-`.slice(0, MAX_PATTERN)}*`];
}

/**
 * Assumable by EventBridge Scheduler for this account's default schedule group only (the
 * confused-deputy conditions AWS documents), allowed to invoke the one function.
 */
function schedulerRoleFor(scope: Construct, fn: IFunction): Role {
  const role = new Role(scope, 'SchedulerRole', {
    description: 'Lets EventBridge Scheduler invoke the trailwatch invocation-spike detector',
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: {
        StringEquals: {
          'aws:SourceAccount': Aws.ACCOUNT_ID,
          'aws:SourceArn': `arn:${Aws.PARTITION}:scheduler:${Aws.REGION}:${Aws.ACCOUNT_ID}:schedule-group/default`,
        },
      },
    }),
  });
  role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'InvokeSpikeDetector',
      actions: ['lambda:InvokeFunction'],
      resources: [fn.functionArn],
    }),
  );
  return role;
}
