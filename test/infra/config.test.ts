import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  parseConfig,
  readContext,
  unknownContextKeys,
} from '../../infra/lib/config.js';
import { DEFAULT_TRAIL_REGIONS } from '../../infra/lib/defaults.js';

function problemsOf(context: Record<string, unknown>): readonly string[] {
  try {
    parseConfig(context);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Config: parseConfig', () => {
  it('defaults to a new trail, every commercial region and no subscriptions', () => {
    // Act
    const config = parseConfig({});

    // Assess
    expect(config.stackName).toBe('Trailwatch');
    expect(config.trail).toEqual({ kind: 'new', bucketName: undefined });
    expect(config.trailRegions).toEqual(DEFAULT_TRAIL_REGIONS);
    expect(config.trailRegions).toContain('us-east-1');
    expect(config.trailLogsSince).toBe('2020/01/01');
    expect(config.fastPathReadOnlyEvents).toBe(false);
    expect(config.alertSubscriptions).toEqual([]);
    expect(config.configFile).toBeUndefined();
  });

  it('imports an existing bucket with its owner and key', () => {
    const config = parseConfig({
      existingTrailBucketName: 'org-trail-logs',
      existingTrailBucketAccount: '111122223333',
      existingTrailKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd',
    });

    expect(config.trail).toEqual({
      kind: 'existing',
      bucketName: 'org-trail-logs',
      bucketAccount: '111122223333',
      kmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd',
    });
  });

  it('reads lists given on the command line as comma-separated or JSON text', () => {
    const config = parseConfig({
      trailRegions: 'eu-west-1, eu-central-1',
      trailAccounts: '["111122223333","444455556666"]',
      fastPathReadOnlyEvents: 'true',
    });

    expect(config.trailRegions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(config.trailAccounts).toEqual(['111122223333', '444455556666']);
    expect(config.fastPathReadOnlyEvents).toBe(true);
  });

  it('reads subscriptions given as JSON text', () => {
    const config = parseConfig({
      alertSubscriptions:
        '[{"protocol":"email","endpoint":"oncall@example.com","severities":["critical","high"]}]',
      configFile: 'trailwatch.yaml',
    });

    expect(config.alertSubscriptions).toEqual([
      { protocol: 'email', endpoint: 'oncall@example.com', severities: ['critical', 'high'] },
    ]);
    expect(config.configFile).toBe('trailwatch.yaml');
  });

  it('reports every bad key at once, each by name', () => {
    // Act
    const problems = problemsOf({
      existingTrailBucketName: 'Not_A_Bucket',
      existingTrailKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:alias/trail',
      organizationId: 'org-1',
      trailRegions: 'eu-west-1,mars',
      trailLogsSince: '2024-01-01',
      fastPathReadOnlyEvents: 'yes',
    });

    // Assess
    const keys = problems.map((p) => p.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'existingTrailBucketName',
        'existingTrailKmsKeyArn',
        'organizationId',
        'trailRegions.1',
        'trailLogsSince',
        'fastPathReadOnlyEvents',
      ]),
    );
    expect(problems.find((p) => p.startsWith('existingTrailKmsKeyArn'))).toContain('alias');
  });

  it('rejects options of an existing bucket when none is imported', () => {
    const problems = problemsOf({
      existingTrailKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd',
      trailKeyPrefix: 'logs',
    });

    expect(problems).toEqual([
      expect.stringMatching(/^existingTrailKmsKeyArn: only applies with existingTrailBucketName/),
      expect.stringMatching(/^trailKeyPrefix: only applies with existingTrailBucketName/),
    ]);
  });

  it('rejects a new bucket name together with an imported bucket', () => {
    const problems = problemsOf({
      existingTrailBucketName: 'org-trail-logs',
      newTrailBucketName: 'my-trail',
    });

    expect(problems).toEqual([expect.stringMatching(/^newTrailBucketName: /)]);
  });

  it('rejects bad endpoints, unknown detectors and duplicate subscriptions', () => {
    const problems = problemsOf({
      alertSubscriptions: [
        { protocol: 'email', endpoint: 'not-an-address' },
        { protocol: 'https', endpoint: 'http://hooks.example.com/x' },
        { protocol: 'email', endpoint: 'a@example.com', detectors: ['no-such-detector'] },
      ],
      opsSubscriptions: [
        { protocol: 'email', endpoint: 'ops@example.com' },
        { protocol: 'email', endpoint: 'ops@example.com' },
      ],
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^alertSubscriptions\.2\.detectors\.0: is not a detector id/),
        'alertSubscriptions.0.endpoint: "not-an-address" is not an email address',
        expect.stringMatching(/^alertSubscriptions\.1\.endpoint: .* https/),
      ]),
    );
    expect(
      problemsOf({
        opsSubscriptions: [
          { protocol: 'email', endpoint: 'ops@example.com' },
          { protocol: 'email', endpoint: 'ops@example.com' },
        ],
      }),
    ).toEqual(['opsSubscriptions: email:ops@example.com is listed twice; merge the entries']);
  });

  it('accepts an https runbook base URL and rejects a plain http one', () => {
    expect(parseConfig({ runbookBaseUrl: 'https://wiki.example.com/rb' }).runbookBaseUrl).toBe(
      'https://wiki.example.com/rb',
    );
    expect(problemsOf({ runbookBaseUrl: 'http://wiki.example.com/rb' })).toEqual([
      'runbookBaseUrl: must be an https:// URL',
    ]);
  });

  it('reserves concurrency by default and takes either key from the command line', () => {
    expect(parseConfig({}).reservedConcurrency).toEqual({ ingest: 10, fastPath: 10 });
    expect(
      parseConfig({ ingestReservedConcurrency: '40', fastPathReservedConcurrency: 3 })
        .reservedConcurrency,
    ).toEqual({ ingest: 40, fastPath: 3 });
  });

  it('rejects reserved concurrency Lambda or the queue mapping would refuse', () => {
    expect(problemsOf({ ingestReservedConcurrency: 1, fastPathReservedConcurrency: '0' })).toEqual([
      'ingestReservedConcurrency: must be at least 2',
      'fastPathReservedConcurrency: must be at least 1',
    ]);
    expect(problemsOf({ ingestReservedConcurrency: 1001 })).toEqual([
      'ingestReservedConcurrency: must be at most 1000',
    ]);
    expect(problemsOf({ fastPathReservedConcurrency: 'ten' })).toEqual([
      'fastPathReservedConcurrency: must be a whole number',
    ]);
    expect(problemsOf({ fastPathReservedConcurrency: 2.5 })).toEqual([
      'fastPathReservedConcurrency: must be a whole number',
    ]);
  });

  it('names the problem in the error message too', () => {
    expect(() => parseConfig({ stackName: '1bad' })).toThrow(
      /stackName: must be a CloudFormation stack name/,
    );
  });
});

describe('Config: readContext and unknownContextKeys', () => {
  it('reads only trailwatch keys that are set', () => {
    const context: Record<string, unknown> = { organizationId: 'o-a1b2c3d4e5', other: 1 };

    expect(readContext({ tryGetContext: (key) => context[key] })).toEqual({
      organizationId: 'o-a1b2c3d4e5',
    });
  });

  it('flags plain keys that are not ours, but not CDK flags or lookups', () => {
    const unknown = unknownContextKeys({
      existingTrailBuckeName: 'typo',
      existingTrailBucketName: 'ok',
      '@aws-cdk/core:newStyleStackSynthesis': true,
      'availability-zones:account=1:region=x': [],
      'aws:cdk:bundling-stacks': [],
      'acknowledged-issue-numbers': [],
    });

    expect(unknown).toEqual(['existingTrailBuckeName']);
  });
});
