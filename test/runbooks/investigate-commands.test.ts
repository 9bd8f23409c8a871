import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { investigateCommands, investigationWindow } from '../../runbooks/investigate-commands.js';

const WINDOW = { start: '2024-05-13T09:00:00Z', end: '2024-05-14T10:00:00Z' };
/** A value for every filter parameter, so every query of every runbook is offered. */
const FULL_PARAMS = {
  principal: 'arn:aws:iam::111122223333:user/alice',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  sourceIp: '203.0.113.50',
  bucket: 'amzn-s3-demo-bucket',
  functionName: 'billing-export',
  account: '111122223333',
  region: 'us-east-1',
};

/** The argv /bin/sh would hand to `trailwatch` for a printed command. */
function argvOf(command: string): string[] {
  const script = `set -- ${command}; printf '%s\\0' "$@"`;
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('investigateCommands', () => {
  it('offers every query whose parameters the alert fills, on the scanned paths', () => {
    const commands = investigateCommands(
      'credential-compromise',
      {
        ...WINDOW,
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        principal: 'arn:aws:iam::111122223333:user/alice',
      },
      { engine: 'duckdb', paths: ['examples/'] },
    );

    expect(commands.map((c) => c.query)).toEqual([
      'access-key-timeline',
      'principal-fingerprints',
      'principal-regions',
      'access-denied-bursts',
    ]);
    expect(commands[0]).toEqual({
      query: 'access-key-timeline',
      params: { start: WINDOW.start, end: WINDOW.end, accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
      command:
        'npx --no trailwatch investigate credential-compromise --query access-key-timeline --param start=2024-05-13T09:00:00Z --param end=2024-05-14T10:00:00Z --param accessKeyId=AKIAIOSFODNN7EXAMPLE --engine duckdb --logs examples/',
    });
  });

  it('targets Athena on AWS', () => {
    const [command] = investigateCommands('kms-key-loss', WINDOW, { engine: 'athena' });
    expect(command?.command).toBe(
      'npx --no trailwatch investigate kms-key-loss --query kms-key-changes --param start=2024-05-13T09:00:00Z --param end=2024-05-14T10:00:00Z --engine athena',
    );
  });

  it('leaves out queries whose alert value fails its allow-pattern', () => {
    const commands = investigateCommands(
      's3-public-exposure',
      { ...WINDOW, bucket: "'; rm -rf / #", principal: '$(id)' },
      { engine: 'athena' },
    );
    expect(commands).toEqual([]);
  });

  it('keeps every word one argument, whatever the paths contain', () => {
    const paths = ["/tmp/it's here", '$(id)', '`id`', 'a\nb', '/logs/ünï ☃', "'; rm -rf / #"];
    const [command] = investigateCommands(
      'root-account-use',
      { ...WINDOW, account: '111122223333' },
      { engine: 'duckdb', paths },
    );

    expect(argvOf(command?.command ?? '')).toEqual([
      'npx',
      '--no',
      'trailwatch',
      'investigate',
      'root-account-use',
      '--query',
      'root-activity',
      '--param',
      `start=${WINDOW.start}`,
      '--param',
      `end=${WINDOW.end}`,
      '--param',
      'account=111122223333',
      '--engine',
      'duckdb',
      '--logs',
      ...paths,
    ]);
  });

  it('starts every command with npx --no: npx then runs only an installed trailwatch', () => {
    // Plain `npx trailwatch` outside a clone installs and runs the public registry's
    // `trailwatch` without asking when stdin is not a terminal.
    const params = { ...WINDOW, ...FULL_PARAMS };
    const targets = [
      { engine: 'athena' as const },
      { engine: 'duckdb' as const, paths: ['logs/'], accessLogs: true },
    ];
    const commands = RUNBOOK_LIST.flatMap((runbook) =>
      targets.flatMap((target) => investigateCommands(runbook.id, params, target)),
    );

    expect(commands.length).toBeGreaterThan(RUNBOOK_LIST.length);
    for (const { command } of commands) {
      expect(command.startsWith('npx --no trailwatch investigate ')).toBe(true);
      expect(argvOf(command).slice(0, 3)).toEqual(['npx', '--no', 'trailwatch']);
    }
  });

  it('normalises times to the CloudTrail shape', () => {
    const [command] = investigateCommands(
      'kms-key-loss',
      { start: '2024-05-13T11:00:00.123+02:00', end: '2024-05-14' },
      { engine: 'athena' },
    );
    expect(command?.params).toEqual({ start: '2024-05-13T09:00:00Z', end: '2024-05-14T00:00:00Z' });
  });

  it('never throws on odd input', () => {
    expect(investigateCommands('nope', WINDOW, { engine: 'athena' })).toEqual([]);
    expect(
      investigateCommands('kms-key-loss', { start: 'x', end: 'y' }, { engine: 'athena' }),
    ).toEqual([]);
    expect(investigateCommands('kms-key-loss', WINDOW, { engine: 'duckdb', paths: [] })).toEqual(
      [],
    );
    expect(
      investigateCommands('kms-key-loss', WINDOW, { engine: 'duckdb', paths: ['a\0b'] }),
    ).toEqual([]);
    const odd = { ...WINDOW, bucket: 42 } as unknown as typeof WINDOW;
    expect(() =>
      investigateCommands('s3-public-exposure', odd, { engine: 'athena' }),
    ).not.toThrow();
  });
});

describe('investigationWindow', () => {
  it('looks back a day before the first event and an hour past the last', () => {
    expect(investigationWindow('2024-05-14T09:00:05.500Z', '2024-05-14T09:30:00Z')).toEqual({
      start: '2024-05-13T09:00:05Z',
      end: '2024-05-14T10:30:00Z',
    });
  });

  it('caps the window at the maximum span and tolerates a bad time', () => {
    const wide = investigationWindow('2020-01-01T00:00:00Z', '2024-05-14T00:00:00Z');
    expect(wide.start).toBe('2024-02-14T01:00:00Z');
    expect(investigationWindow('garbage', '2024-05-14T00:00:00Z').end).toBe('2024-05-14T01:00:00Z');
  });
});
