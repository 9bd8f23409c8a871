import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { OpsSubscription } from './config.js';

/** Props of {@link OpsTopic}. */
export interface OpsTopicProps {
  /**
   * Endpoints for the pipeline's health alarms.
   * @default no subscriptions
   */
  readonly subscriptions?: readonly OpsSubscription[];
  /**
   * Receives alarm notifications SNS could not deliver.
   * @default none: undeliverable notifications are dropped after SNS's retries
   */
  readonly deliveryDeadLetterQueue?: IQueue;
}

/**
 * Where the pipeline's own health alarms go: a topic apart from the alert topics, so the
 * people who run trailwatch hear about it being broken even when no detector could run.
 * Encrypted with its own key, whose policy lets CloudWatch alarms of this account publish.
 */
export class OpsTopic extends Construct {
  readonly key: Key;
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OpsTopicProps = {}) {
    super(scope, id);
    const cloudwatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    const fromThisAccountsAlarms = {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnLike: {
        'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Aws.REGION}:${Aws.ACCOUNT_ID}:alarm:*`,
      },
    };
    this.key = new Key(this, 'Key', {
      description: 'Encrypts the trailwatch ops (pipeline health) topic',
      enableKeyRotation: true,
      // SNS keeps no message after delivery: nothing stays encrypted under this key.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch cannot publish to a topic under a key it may not use; it would fail silently.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [cloudwatch],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: fromThisAccountsAlarms,
      }),
    );
    this.topic = new Topic(this, 'Resource', {
      displayName: 'trailwatch pipeline health',
      masterKey: this.key,
      enforceSSL: true,
    });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublish',
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromThisAccountsAlarms,
      }),
    );
    for (const { protocol, endpoint } of props.subscriptions ?? []) {
      const options = { deadLetterQueue: props.deliveryDeadLetterQueue };
      this.topic.addSubscription(
        protocol === 'email'
          ? new EmailSubscription(endpoint, options)
          : new UrlSubscription(endpoint, { ...options, protocol: SubscriptionProtocol.HTTPS }),
      );
    }
  }
}
