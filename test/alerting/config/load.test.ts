import { describe, expect, it } from 'vitest';
import { ConfigError, type ConfigIssue } from '../../../alerting/config/errors.js';
import { MAX_CONFIG_CHARS, parseConfig } from '../../../alerting/config/load.js';
import { BUILTIN_DETECTORS } from '../../../detectors/catalog.js';
import { DEFAULT_SETTINGS, type DetectorMeta } from '../../../detectors/types.js';

const catalog: readonly DetectorMeta[] = BUILTIN_DETECTORS;

/** The issues of a config that must not load. */
function issuesOf(text: string, source = 'trailwatch.yaml', settingsOnly = false): ConfigIssue[] {
  try {
    parseConfig(text, { source, catalog, settingsOnly });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return [...(error as ConfigError).issues];
  }
  throw new Error('expected the config to be rejected');
}

const load = (text: string) => parseConfig(text, { source: 'trailwatch.yaml', catalog });

describe('parseConfig: valid files', () => {
  it('reads every section of a YAML config', () => {
    const config = load(`
version: 1
settings:
  trustedAccounts: ['111122223333']
detectors:
  root-account-used:
    severity: medium
  access-denied-burst:
    threshold: { count: 50 }
suppressions:
  - id: ci-deployer
    reason: CI stops and restarts the staging trail on every deploy
    expires: 2026-06-30
    detectors: [cloudtrail-logging-stopped]
    principals: ['arn:aws:iam::111122223333:role/ci-*']
  - reason: office egress
    sourceIps: 198.51.100.0/24
`);
    expect(config.settings.trustedAccounts).toEqual(['111122223333']);
    expect(config.settings.allowedRegions).toEqual([]);
    expect(config.detectors.get('root-account-used')).toEqual({ severity: 'medium' });
    expect(config.detectors.get('access-denied-burst')).toEqual({ threshold: { count: 50 } });
    expect(config.suppressions).toEqual([
      {
        id: 'ci-deployer',
        reason: 'CI stops and restarts the staging trail on every deploy',
        expires: '2026-06-30',
        expiresAt: Date.parse('2026-07-01T00:00:00Z'),
        detectors: ['cloudtrail-logging-stopped'],
        principals: ['arn:aws:iam::111122223333:role/ci-*'],
      },
      {
        id: 'suppression-2',
        reason: 'office egress',
        detectors: '*',
        sourceIps: ['198.51.100.0/24'],
      },
    ]);
  });

  it('reads the same config written as JSON', () => {
    const config = load(
      JSON.stringify({
        settings: { logBuckets: ['org-trail-logs'] },
        detectors: { 'cloudtrail-logging-stopped': { enabled: false } },
        suppressions: [{ reason: 'scanner', userAgents: ['prowler'] }],
      }),
    );
    expect(config.settings.logBuckets).toEqual(['org-trail-logs']);
    expect(config.detectors.get('cloudtrail-logging-stopped')).toEqual({ enabled: false });
    expect(config.suppressions[0]?.userAgents).toEqual(['prowler']);
  });

  it('reads tab-indented JSON with escapes', () => {
    const config = load(
      '{\n\t"suppressions": [\n\t\t{"reason": "a\\/b \\u00e9", "accounts": ["111122223333"]}\n\t]\n}',
    );
    expect(config.suppressions[0]?.reason).toBe('a/b é');
  });

  it('treats an empty file or comments only as the default config', () => {
    for (const text of ['', '# nothing yet\n', '{}']) {
      const config = load(text);
      expect(config.settings).toEqual(DEFAULT_SETTINGS);
      expect(config.detectors.size).toBe(0);
      expect(config.suppressions).toEqual([]);
    }
  });

  it('keeps an expiry with a time as that instant', () => {
    const config = load(
      'suppressions:\n  - reason: r\n    accounts: ["111122223333"]\n    expires: 2026-06-30T18:00:00+02:00\n',
    );
    expect(config.suppressions[0]?.expiresAt).toBe(Date.parse('2026-06-30T16:00:00Z'));
  });

  it('accepts ids of user detectors in the catalog it is given', () => {
    const mine = { ...catalog[0], id: 'my-team-rule' } as DetectorMeta;
    const config = parseConfig('detectors:\n  my-team-rule: { enabled: false }\n', {
      source: 'c.yaml',
      catalog: [...catalog, mine],
    });
    expect(config.detectors.get('my-team-rule')).toEqual({ enabled: false });
  });
});

describe('parseConfig: errors name the line, column and key', () => {
  it('reports an unknown key in YAML with its line', () => {
    expect(issuesOf('settings:\n  trustedAccounts: []\n  trustedAcounts: []\n')).toEqual([
      { line: 3, column: 3, path: 'settings.trustedAcounts', message: 'unknown key' },
    ]);
  });

  it('reports an unknown key in JSON with its line', () => {
    const text = '{\n  "settings": {\n    "logBuckets": ["a-bucket"],\n    "logBucket": []\n  }\n}';
    expect(issuesOf(text, 'c.json')).toEqual([
      { line: 4, column: 5, path: 'settings.logBucket', message: 'unknown key' },
    ]);
  });

  it('reports a bad value in JSON at the value', () => {
    const text = '{\n  "detectors": {\n    "root-account-used": {"severity": "urgent"}\n  }\n}';
    const [issue] = issuesOf(text, 'c.json');
    expect(issue).toMatchObject({ line: 3, path: 'detectors.root-account-used.severity' });
    expect(issue?.message).toMatch(/critical, high, medium, low, info/);
  });

  it('names an unknown detector id and suggests the near one', () => {
    const [issue] = issuesOf('detectors:\n  cloudtrail-logging-stoped:\n    enabled: false\n');
    expect(issue).toMatchObject({
      line: 2,
      column: 3,
      path: 'detectors.cloudtrail-logging-stoped',
    });
    expect(issue?.message).toMatch(/unknown detector.*did you mean cloudtrail-logging-stopped/);
  });

  it('rejects an unknown detector id inside a suppression', () => {
    const [issue] = issuesOf('suppressions:\n  - reason: r\n    detectors: [root-acount-used]\n');
    expect(issue).toMatchObject({ line: 3, path: 'suppressions[0].detectors[0]' });
  });

  it('requires a reason, pointing at the suppression', () => {
    expect(issuesOf('suppressions:\n  - accounts: ["111122223333"]\n')).toEqual([
      { line: 2, column: 5, path: 'suppressions[0].reason', message: 'required' },
    ]);
  });

  it('rejects a suppression that would match every finding', () => {
    const issues = issuesOf('suppressions:\n  - reason: quiet please\n    detectors: "*"\n');
    expect(issues[0]?.message).toMatch(/matches every finding/);
    expect(issuesOf('suppressions:\n  - reason: r\n    principals: ["**"]\n')[0]?.message).toMatch(
      /matches everything/,
    );
  });

  it('rejects bad expiry dates, addresses and account ids, each at its line', () => {
    const issues = issuesOf(`suppressions:
  - reason: r
    expires: 30/06/2026
    sourceIps: [10.0.0.0/33, not-an-ip]
    accounts: [111122223333]
`);
    expect(issues.map((i) => [i.line, i.path])).toEqual([
      [3, 'suppressions[0].expires'],
      [4, 'suppressions[0].sourceIps[0]'],
      [4, 'suppressions[0].sourceIps[1]'],
      [5, 'suppressions[0].accounts[0]'],
    ]);
    expect(issues[3]?.message).toMatch(/in quotes/);
  });

  it('requires both threshold fields for a detector without a threshold', () => {
    expect(issuesOf('detectors:\n  root-account-used:\n    threshold: { count: 3 }\n')).toEqual([
      {
        line: 3,
        column: 5,
        path: 'detectors.root-account-used.threshold',
        message: 'root-account-used has no threshold of its own: give both count and windowSeconds',
      },
    ]);
  });

  it('rejects duplicate suppression ids', () => {
    const text =
      'suppressions:\n  - {id: a, reason: r, accounts: ["111122223333"]}\n  - {id: a, reason: r, accounts: ["111122223333"]}\n';
    expect(issuesOf(text)).toEqual([
      { line: 3, column: 6, path: 'suppressions[1].id', message: 'duplicate id "a"' },
    ]);
  });

  it('hints that top-level settings moved under settings:', () => {
    const [issue] = issuesOf('{"trustedAccounts": ["111122223333"]}', 'old.json');
    expect(issue?.message).toMatch(/go under "settings:"/);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(issuesOf('settings:\n  logBuckets: [a\n')[0]?.line).toBeGreaterThanOrEqual(2);
    expect(issuesOf('{"settings": {}, "settings": {}}', 'c.json')).toEqual([
      { line: 1, column: 18, path: '', message: 'duplicate key' },
    ]);
  });

  it('lists every problem at once, with file name and line in the message', () => {
    expect(() => load('version: 2\nsettings: {allowedRegions: [mars-1]}\nextra: 1\n')).toThrow(
      /trailwatch\.yaml:1:1: version: must be 1[\s\S]*trailwatch\.yaml:2:\d+: settings\.allowedRegions\[0\][\s\S]*trailwatch\.yaml:3:1: extra: unknown key/,
    );
  });

  it('validates deprecated bare settings under settings, with lines', () => {
    expect(issuesOf('{"trustedAcounts": []}', 'TRAILWATCH_SETTINGS', true)).toEqual([
      { line: 1, column: 2, path: 'settings.trustedAcounts', message: 'unknown key' },
    ]);
  });
});

describe('parseConfig: hostile input', () => {
  it('refuses __proto__ keys instead of building objects with them', () => {
    const issues = issuesOf('detectors:\n  __proto__: { enabled: false }\n');
    expect(issues).toEqual([
      { line: 2, column: 3, path: '', message: 'key "__proto__" is not allowed' },
    ]);
    expect(issuesOf('{"suppressions": [{"reason": "r", "constructor": {}}]}')[0]?.message).toMatch(
      /not allowed/,
    );
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
  });

  it('stops alias expansion bombs', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(10)
          .fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`)
          .join(', ')}]`,
      );
    expect(() => load(lines.join('\n'))).toThrow(/alias count/);
  });

  it('refuses custom tags, multiple documents and oversized text', () => {
    expect(() => load('settings: !!js/function "x"\n')).toThrow(/:1:11: Unresolved tag/);
    expect(() => load('settings: {}\n---\nsettings: {}\n')).toThrow(/:2:1: one document only/);
    expect(() => load(`# ${'x'.repeat(MAX_CONFIG_CHARS)}`)).toThrow(/larger than/);
  });

  it('escapes control characters of unknown ids in messages', () => {
    const [issue] = issuesOf('{"detectors": {"evil\\u001b[31m": {}}}');
    expect(issue?.message).not.toContain('\u001b');
    expect(issue?.path).not.toContain('\u001b');
  });
});
