import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routeProblems } from '../../infra/lib/alert-topics.js';
import { ALERT_ROUTES } from '../../infra/lib/defaults.js';
import { resourcesOf, synth } from './support.js';

describe('AlertTopics', () => {
  const template = synth({
    alertSubscriptions: [
      { protocol: 'email', endpoint: 'pager@example.com', severities: ['critical'] },
      {
        protocol: 'https',
        endpoint: 'https://hooks.example.com/trailwatch',
        detectors: ['cloudtrail-logging-stopped'],
      },
    ],
  });

  it('creates one KMS-encrypted, TLS-only topic per route, apart from the ops topic', () => {
    const topics = resourcesOf(template, 'AWS::SNS::Topic');
    const alertTopicIds = Object.keys(topics).filter((id) => id.startsWith('AlertTopics'));

    expect(alertTopicIds).toHaveLength(ALERT_ROUTES.length);
    for (const id of alertTopicIds) {
      expect(topics[id]?.Properties?.KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [expect.stringMatching(/^AlertTopicsKey/), 'Arn'],
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('subscribes an endpoint only to routes carrying its severities, filtered to them', () => {
    // critical is on the Urgent route only, which also carries high: filter to critical.
    const pager = Object.values(resourcesOf(template, 'AWS::SNS::Subscription')).filter(
      (s) => s.Properties?.Endpoint === 'pager@example.com',
    );

    expect(pager).toHaveLength(1);
    expect(pager[0]?.Properties).toMatchObject({
      Protocol: 'email',
      TopicArn: { Ref: expect.stringMatching(/^AlertTopicsUrgent/) },
      FilterPolicy: { severity: ['critical'] },
    });
  });

  it('filters on the detector attribute, on every route, with no severity filter', () => {
    const hook = Object.values(resourcesOf(template, 'AWS::SNS::Subscription')).filter(
      (s) => s.Properties?.Endpoint === 'https://hooks.example.com/trailwatch',
    );

    expect(hook).toHaveLength(ALERT_ROUTES.length);
    for (const subscription of hook) {
      expect(subscription.Properties?.Protocol).toBe('https');
      expect(subscription.Properties?.FilterPolicy).toEqual({
        detector: ['cloudtrail-logging-stopped'],
      });
    }
  });

  it('gives every subscription a dead-letter queue', () => {
    template.allResourcesProperties('AWS::SNS::Subscription', {
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^AlertTopicsDeliveryDeadLetterQueue'), 'Arn'],
        },
      },
    });
  });

  const unsubscribed = synth();

  it('creates no subscription when none is configured', () => {
    unsubscribed.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('AlertTopics: routeProblems', () => {
  it('accepts the default routes', () => {
    expect(routeProblems(ALERT_ROUTES, 'Routine')).toEqual([]);
  });

  it('reports a severity in no route or in two, a duplicate id and a missing default', () => {
    const problems = routeProblems(
      [
        { id: 'A', severities: ['critical', 'high'], description: '' },
        { id: 'A', severities: ['high', 'medium', 'low'], description: '' },
      ],
      'B',
    );

    expect(problems).toEqual([
      'severity "high" is in 2 routes (A, A)',
      'severity "info" is in 0 routes ()',
      'route id "A" is used twice',
      'default route "B" does not exist',
    ]);
  });
});
