import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../infra/lib/config.js';
import {
  loadDetectorConfig,
  MAX_CONFIG_JSON_CHARS,
  withDeploymentSettings,
} from '../../infra/lib/detector-config.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function problemsLoading(path: string): readonly string[] {
  try {
    loadDetectorConfig(path, fixtures);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('DetectorConfig: loadDetectorConfig', () => {
  it('means the defaults when no file is configured', () => {
    expect(loadDetectorConfig(undefined)).toEqual({ document: {} });
  });

  it('reads a valid YAML config as plain JSON values', () => {
    const { document } = loadDetectorConfig('trailwatch.yaml', fixtures);

    expect(document).toMatchObject({
      version: 1,
      settings: { trustedAccounts: ['111122223333'], logBuckets: ['org-trail-logs'] },
      detectors: { 'root-account-used': { severity: 'critical' } },
      suppressions: [expect.objectContaining({ id: 'security-scanner' })],
    });
  });

  it('fails synthesis with every problem of the file, each with its line and key', () => {
    expect(problemsLoading('trailwatch-invalid.yaml')).toEqual([
      expect.stringMatching(
        /^configFile: trailwatch-invalid\.yaml:3:3: detectors\.root-acount-used: .*root-account-used/,
      ),
      expect.stringMatching(
        /^configFile: trailwatch-invalid\.yaml:6:5: detectors\.cloudtrail-logging-stopped\.severity: /,
      ),
    ]);
  });

  it('names a file it cannot read', () => {
    expect(problemsLoading('missing.yaml')).toEqual([
      expect.stringMatching(/^configFile: cannot read "missing\.yaml": ENOENT/),
    ]);
  });
});

describe('DetectorConfig: withDeploymentSettings', () => {
  it('adds the stack log buckets and organization to the settings, once each', () => {
    const merged = withDeploymentSettings(
      {
        document: {
          version: 1,
          settings: { logBuckets: ['org-trail-logs'], trustedAccounts: ['111122223333'] },
        },
      },
      {
        logBuckets: ['org-trail-logs', 'access-logs'],
        logReaders: ['arn:aws:iam::111122223333:role/ingest'],
        trustedOrganizationIds: ['o-a1b2c3d4e5'],
      },
    );

    expect(merged).toEqual({
      version: 1,
      settings: {
        trustedAccounts: ['111122223333'],
        logBuckets: ['org-trail-logs', 'access-logs'],
        logReaders: ['arn:aws:iam::111122223333:role/ingest'],
        trustedOrganizationIds: ['o-a1b2c3d4e5'],
      },
    });
  });

  it('creates the settings section of an empty config', () => {
    expect(
      withDeploymentSettings(
        { document: {} },
        { logBuckets: ['b1'], logReaders: [], trustedOrganizationIds: [] },
      ),
    ).toEqual({
      settings: { logBuckets: ['b1'], logReaders: [], trustedOrganizationIds: [] },
    });
  });

  it('keeps room in the 4 KB Lambda environment for the rest', () => {
    expect(MAX_CONFIG_JSON_CHARS).toBeLessThanOrEqual(3000);
  });
});
