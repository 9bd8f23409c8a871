import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLERS } from '../../infra/lib/detector-functions.js';
import { CONTROL_TOWER_CONTEXT, onlyResource, resourcesOf, synth } from './support.js';

describe('DetectorFunctions', () => {
  const template = synth({ configFile: 'test/infra/fixtures/trailwatch.yaml' });
  const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));

  it('bundles the handlers in infra/handlers', () => {
    expect(DEFAULT_HANDLERS.ingest).toMatch(/\/infra\/handlers\/s3-sqs\.ts$/);
    expect(DEFAULT_HANDLERS.fastPath).toMatch(/\/infra\/handlers\/eventbridge\.ts$/);
    expect(DEFAULT_HANDLERS.metrics).toMatch(/\/infra\/handlers\/metrics\.ts$/);
  });

  it('runs every function on the current Node runtime with its own role and log group', () => {
    expect(functions).toHaveLength(3);
    const roles = new Set(functions.map((fn) => JSON.stringify(fn.Properties?.Role)));
    expect(roles.size).toBe(3);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Handler: 'index.handler',
        LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/LogGroup/) } },
      });
    }
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('gives every handler the topic, state and settings environment', () => {
    for (const fn of functions) {
      const env: Record<string, unknown> = fn.Properties?.Environment.Variables;
      expect(Object.keys(env)).toEqual(
        expect.arrayContaining([
          'ALERT_TOPIC_ARN',
          'ALERT_TOPIC_ARN_CRITICAL',
          'ALERT_TOPIC_ARN_HIGH',
          'ALERT_TOPIC_ARN_MEDIUM',
          'ALERT_TOPIC_ARN_LOW',
          'ALERT_TOPIC_ARN_INFO',
          'TRAILWATCH_CONFIG',
          'STATE_TABLE_NAME',
          'POWERTOOLS_SERVICE_NAME',
        ]),
      );
      expect(env.ALERT_TOPIC_ARN_CRITICAL).toEqual({
        Ref: expect.stringMatching(/^AlertTopicsUrgent/),
      });
      expect(env.ALERT_TOPIC_ARN_INFO).toEqual({
        Ref: expect.stringMatching(/^AlertTopicsRoutine/),
      });
      expect(env.STATE_TABLE_NAME).toEqual({ Ref: expect.stringMatching(/^StateTable/) });
    }
  });

  it('passes the config file, adding the stack log buckets to its settings', () => {
    // Prepare: the JSON is joined with deploy-time names; render references as placeholders.
    const fn = functions[0];
    const config: { 'Fn::Join': [string, unknown[]] } =
      fn?.Properties?.Environment.Variables.TRAILWATCH_CONFIG;
    const text = config['Fn::Join'][1]
      .map((part) => (typeof part === 'string' ? part : 'REF'))
      .join('');

    // Act
    const parsed = JSON.parse(text);

    // Assess
    expect(parsed).toMatchObject({
      version: 1,
      settings: {
        trustedAccounts: ['111122223333'],
        trustedOrganizationIds: [],
        logBuckets: ['org-trail-logs', 'trailwatch-cloudtrail-REF-REF', 'REF'],
      },
      detectors: { 'root-account-used': { severity: 'critical' } },
    });
    expect(parsed.suppressions).toHaveLength(1);
  });

  it('names the ingest role as a log reader, so its reads of the trail bucket are not exfiltration', () => {
    // Prepare: render each reference as the resource it names.
    for (const fn of functions) {
      const config: { 'Fn::Join': [string, unknown[]] } =
        fn.Properties?.Environment.Variables.TRAILWATCH_CONFIG;
      const text = config['Fn::Join'][1]
        .map((part) => {
          if (typeof part === 'string') return part;
          const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
          return getAtt ? `${getAtt[0]}.${getAtt[1]}` : 'REF';
        })
        .join('');

      // Act
      const settings = JSON.parse(text).settings;

      // Assess: the ingest role only; the other functions read no logs.
      expect(settings.logReaders).toEqual([
        expect.stringMatching(/^DetectorsIngestRole[0-9A-F]{8}\.Arn$/),
      ]);
    }
  });

  it('sends CloudTrail management events to the fast-path function with retries and a DLQ', () => {
    const rule = onlyResource(template, 'AWS::Events::Rule');

    expect(rule.Properties).toMatchObject({
      State: 'ENABLED',
      EventPattern: {
        source: [{ prefix: 'aws.' }],
        'detail-type': ['AWS API Call via CloudTrail'],
      },
      Targets: [
        {
          Arn: { 'Fn::GetAtt': [expect.stringMatching(/^DetectorsFastPath/), 'Arn'] },
          DeadLetterConfig: {
            Arn: {
              'Fn::GetAtt': [expect.stringMatching(/^DetectorsFastPathDeadLetterQueue/), 'Arn'],
            },
          },
          RetryPolicy: { MaximumRetryAttempts: 20, MaximumEventAgeInSeconds: 14400 },
        },
      ],
    });
  });

  it('matches only events AWS services sent: no custom source (PutEvents) can reach the fast path', () => {
    // Prepare
    const pattern = onlyResource(template, 'AWS::Events::Rule').Properties?.EventPattern;

    // Assess: the source is pinned to the prefix PutEvents refuses, and nothing widens it.
    expect(pattern.source).toEqual([{ prefix: 'aws.' }]);
    expect(Object.keys(pattern).sort()).toEqual(['detail-type', 'source']);
    withReadOnly.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: [{ prefix: 'aws.' }] },
    });
  });

  it('bounds async retries and event age, and sends failed events to the same DLQ', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('^DetectorsFastPath') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: {
          Destination: {
            'Fn::GetAtt': [Match.stringLikeRegexp('^DetectorsFastPathDeadLetterQueue'), 'Arn'],
          },
        },
      },
    });
  });

  const withReadOnly = synth({
    fastPathReadOnlyEvents: true,
    runbookBaseUrl: 'https://wiki.example.com/runbooks',
  });

  it('lets read-only management events through only when switched on', () => {
    withReadOnly.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
    });
  });

  it('reserves concurrency for every function, and polls the queue no wider than it', () => {
    // Prepare
    const reserved = (t: typeof template) =>
      Object.entries(resourcesOf(t, 'AWS::Lambda::Function'))
        .map(([id, fn]) => [
          id.replace(/[0-9A-F]{8}$/, ''),
          fn.Properties?.ReservedConcurrentExecutions,
        ])
        .sort();
    const mapping = (t: typeof template) =>
      onlyResource(t, 'AWS::Lambda::EventSourceMapping').Properties?.ScalingConfig;

    // Assess: defaults, then both context keys (as `-c` gives them: strings).
    expect(reserved(template)).toEqual([
      ['DetectorsFastPath', 10],
      ['DetectorsIngest', 10],
      ['DetectorsMetricsFunction', 1],
    ]);
    expect(mapping(template)).toEqual({ MaximumConcurrency: 10 });
    const tuned = synth({ ingestReservedConcurrency: '25', fastPathReservedConcurrency: '4' });
    expect(reserved(tuned)).toEqual([
      ['DetectorsFastPath', 4],
      ['DetectorsIngest', 25],
      ['DetectorsMetricsFunction', 1],
    ]);
    expect(mapping(tuned)).toEqual({ MaximumConcurrency: 25 });
  });

  it('tells the ingest function which buckets it reads and who owns each', () => {
    // Prepare: references rendered as what they name.
    const bucketsOf = (t: typeof template) =>
      Object.entries(resourcesOf(t, 'AWS::Lambda::Function')).map(([id, fn]) => {
        const value = fn.Properties?.Environment.Variables.TRAILWATCH_INGEST_BUCKETS;
        if (value === undefined || typeof value === 'string') return [id, value];
        const parts: unknown[] = value['Fn::Join'][1];
        const text = parts
          .map((part) => {
            if (typeof part === 'string') return part;
            const ref = (part as { Ref?: string }).Ref;
            return ref ? `<${ref}>` : '<stack-uuid>';
          })
          .join('');
        return [id, text];
      });

    // Assess: the ingest function only; a created trail bucket and an imported one.
    expect(bucketsOf(template).filter(([, value]) => value !== undefined)).toEqual([
      [
        expect.stringMatching(/^DetectorsIngest[0-9A-F]{8}$/),
        'trailwatch-cloudtrail-<AWS::AccountId>-<AWS::Region>:<AWS::AccountId>,' +
          'trailwatch-access-logs-<stack-uuid>:<AWS::AccountId>',
      ],
    ]);
    const imported = bucketsOf(synth(CONTROL_TOWER_CONTEXT)).find(([, v]) => v !== undefined);
    expect(imported?.[1]).toBe(
      'aws-controltower-logs-111122223333-eu-west-1:111122223333,' +
        'trailwatch-access-logs-<stack-uuid>:<AWS::AccountId>',
    );
  });

  it('sets RUNBOOK_BASE_URL only when runbookBaseUrl is configured', () => {
    for (const fn of functions) {
      expect(fn.Properties?.Environment.Variables.RUNBOOK_BASE_URL).toBeUndefined();
    }
    for (const fn of Object.values(resourcesOf(withReadOnly, 'AWS::Lambda::Function'))) {
      expect(fn.Properties?.Environment.Variables.RUNBOOK_BASE_URL).toBe(
        'https://wiki.example.com/runbooks',
      );
    }
  });
});
