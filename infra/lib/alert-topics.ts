import { RemovalPolicy } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionFilter, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SEVERITIES, type Severity } from '../../detectors/types.js';
import type { AlertSubscription } from './config.js';
import { ALERT_ROUTES, type AlertRoute, DEFAULT_ALERT_ROUTE, DLQ_RETENTION } from './defaults.js';

/** Props of {@link AlertTopics}. */
export interface AlertTopicsProps {
  /**
   * Topics and the severities each carries; every severity must be in exactly one route.
   * @default ALERT_ROUTES (Urgent: critical, high; Routine: medium, low, info)
   */
  readonly routes?: readonly AlertRoute[];
  /**
   * Route for a severity a handler has no topic for.
   * @default DEFAULT_ALERT_ROUTE ('Routine')
   */
  readonly defaultRoute?: string;
  /**
   * Email and HTTPS endpoints, each subscribed to every route that carries one of its
   * severities, with a filter policy on the `severity` and `detector` message attributes.
   * @default no subscriptions
   */
  readonly subscriptions?: readonly AlertSubscription[];
}

/**
 * The SNS topics alerts are published to, one per severity route, encrypted with a
 * customer-managed key, TLS only. Failed deliveries to subscribers land in one
 * dead-letter queue instead of being dropped after SNS's retries.
 */
export class AlertTopics extends Construct {
  readonly key: Key;
  /** Route id → topic, in route order. */
  readonly topics: ReadonlyMap<string, Topic>;
  /** Receives messages SNS could not deliver to a subscriber (also used by the ops topic). */
  readonly deliveryDeadLetterQueue: Queue;
  private readonly routes: readonly AlertRoute[];
  private readonly defaultRoute: string;

  constructor(scope: Construct, id: string, props: AlertTopicsProps = {}) {
    super(scope, id);
    this.routes = props.routes ?? ALERT_ROUTES;
    this.defaultRoute = props.defaultRoute ?? DEFAULT_ALERT_ROUTE;
    const problems = routeProblems(this.routes, this.defaultRoute);
    if (problems.length > 0) {
      throw new Error(`Invalid alert routes: ${problems.join('; ')}. Fix ALERT_ROUTES.`);
    }

    this.key = new Key(this, 'Key', {
      description: 'Encrypts trailwatch alert topics',
      enableKeyRotation: true,
      // SNS keeps no message after delivery: nothing stays encrypted under this key.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.deliveryDeadLetterQueue = new Queue(this, 'DeliveryDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DLQ_RETENTION,
    });
    this.topics = new Map(
      this.routes.map((route) => [
        route.id,
        new Topic(this, route.id, {
          displayName: `trailwatch ${route.id.toLowerCase()} alerts`,
          masterKey: this.key,
          enforceSSL: true,
        }),
      ]),
    );
    for (const subscription of props.subscriptions ?? []) this.subscribe(subscription);
  }

  /** The topic that carries `severity`. */
  topicFor(severity: Severity): Topic {
    const route = this.routes.find((r) => r.severities.includes(severity));
    return this.topic(route?.id ?? this.defaultRoute);
  }

  /** The handlers' routing contract: ALERT_TOPIC_ARN plus one ALERT_TOPIC_ARN_<SEVERITY> per severity. */
  environment(): Record<string, string> {
    const env: Record<string, string> = { ALERT_TOPIC_ARN: this.topic(this.defaultRoute).topicArn };
    for (const severity of SEVERITIES) {
      env[`ALERT_TOPIC_ARN_${severity.toUpperCase()}`] = this.topicFor(severity).topicArn;
    }
    return env;
  }

  private topic(routeId: string): Topic {
    const topic = this.topics.get(routeId);
    if (topic === undefined) throw new Error(`No alert route "${routeId}"`);
    return topic;
  }

  private subscribe(subscription: AlertSubscription): void {
    const wanted = subscription.severities ?? SEVERITIES;
    for (const route of this.routes) {
      const severities = route.severities.filter((s) => wanted.includes(s));
      if (severities.length === 0) continue;
      const filterPolicy = {
        // A route-wide severity filter would only cost a policy evaluation per message.
        ...(severities.length < route.severities.length && {
          severity: SubscriptionFilter.stringFilter({ allowlist: severities }),
        }),
        ...(subscription.detectors && {
          detector: SubscriptionFilter.stringFilter({ allowlist: [...subscription.detectors] }),
        }),
      };
      const options = {
        filterPolicy: Object.keys(filterPolicy).length > 0 ? filterPolicy : undefined,
        deadLetterQueue: this.deliveryDeadLetterQueue,
      };
      this.topic(route.id).addSubscription(
        subscription.protocol === 'email'
          ? new EmailSubscription(subscription.endpoint, options)
          : new UrlSubscription(subscription.endpoint, {
              ...options,
              protocol: SubscriptionProtocol.HTTPS,
            }),
      );
    }
  }
}

/** Every severity in exactly one route, unique ids, and a default route that exists. */
export function routeProblems(routes: readonly AlertRoute[], defaultRoute: string): string[] {
  const problems: string[] = [];
  for (const severity of SEVERITIES) {
    const carriers = routes.filter((r) => r.severities.includes(severity)).map((r) => r.id);
    if (carriers.length !== 1) {
      problems.push(
        `severity "${severity}" is in ${carriers.length} routes (${carriers.join(', ')})`,
      );
    }
  }
  const ids = routes.map((r) => r.id);
  for (const dup of new Set(ids.filter((routeId, i) => ids.indexOf(routeId) !== i))) {
    problems.push(`route id "${dup}" is used twice`);
  }
  if (!ids.includes(defaultRoute)) problems.push(`default route "${defaultRoute}" does not exist`);
  return problems;
}
