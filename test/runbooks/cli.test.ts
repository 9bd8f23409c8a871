import { execFileSync } from 'node:child_process';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { Command } from 'commander';
import { beforeEach, describe, expect, it } from 'vitest';
import { type InvestigateDeps, investigateCommand } from '../../cli/commands/investigate.js';
import { runbookCommand } from '../../cli/commands/runbook.js';
import { type CliIo, UsageError } from '../../cli/io.js';
import { RUNBOOK_LIST } from '../../runbooks/catalog.js';
import { CLI_NAME, investigateCommands } from '../../runbooks/investigate-commands.js';
import { CORRUPT_LOGS, FIXTURE_LOGS, WINDOW } from './fixture-params.js';

/** Runs the commands the way cli/main.ts does: usage errors print one line and give 2. */
async function cli(argv: string[], deps: InvestigateDeps = {}) {
  let out = '';
  let err = '';
  const io = {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
  } as unknown as CliIo;
  const result = { exitCode: 0 };
  const program = new Command('trailwatch')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => {
        out += s;
      },
      writeErr: (s) => {
        err += s;
      },
    })
    .addCommand(investigateCommand(io, result, { signal: new AbortController().signal, ...deps }))
    .addCommand(runbookCommand(io));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err += `trailwatch: ${error.message}\n`;
    result.exitCode = 2;
  }
  return { out, err, code: result.exitCode };
}

const athena = mockClient(AthenaClient);
beforeEach(() => athena.reset());

describe('trailwatch investigate (DuckDB)', () => {
  it('runs one query over local logs and prints a table', async () => {
    const { out, err, code } = await cli([
      'investigate',
      'console-brute-force',
      '--query',
      'console-login-failures-by-ip',
      '--param',
      `start=${WINDOW.start}`,
      '--param',
      `end=${WINDOW.end}`,
      '--logs',
      FIXTURE_LOGS,
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^== console-login-failures-by-ip: Failed console sign-ins per address \(1 row, \d+ ms\) ==\n/,
    );
    expect(out).toContain('192.0.2.66');
    expect(err).toMatch(/read 7 CloudTrail files \(74 events\)/);
  });

  it('runs every runnable query, lists the skipped ones, and prints JSON', async () => {
    const { out, err, code } = await cli([
      'investigate',
      'secrets-access',
      '--param',
      `start=${WINDOW.start}`,
      '--param',
      `end=${WINDOW.end}`,
      '--param',
      'sourceIp=203.0.113.50',
      '--format',
      'json',
      '--logs',
      FIXTURE_LOGS,
    ]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.results.map((r: { query: string }) => r.query)).toEqual([
      'secret-reads',
      'secret-policy-changes',
      'source-ip-activity',
    ]);
    expect(doc.skipped).toEqual([{ query: 'secret-reads-by-principal', missing: ['principal'] }]);
    expect(err).toContain('skipped secret-reads-by-principal: needs --param principal=...');
  });

  it('runs the commands alerts print, exactly as printed, with the relevant events', async () => {
    const [command] = investigateCommands(
      's3-data-destruction',
      { ...WINDOW, bucket: 'acme-prod-data' },
      { engine: 'duckdb', paths: [FIXTURE_LOGS] },
    );
    // The argv a shell makes of the printed command, minus its `npx --no trailwatch` prefix.
    const prefixWords = CLI_NAME.split(' ').length;
    const argv = execFileSync(
      '/bin/sh',
      ['-c', `set -- ${command?.command}; shift ${prefixWords}; printf '%s\\0' "$@"`],
      {
        encoding: 'utf8',
      },
    )
      .split('\0')
      .slice(0, -1);
    const { out, code } = await cli([...argv, '--format', 'csv']);
    expect(code).toBe(0);
    expect(out).toContain('PutBucketVersioning');
    expect(out).toContain(',AES256,');
  });

  it.each([
    [
      [
        'investigate',
        'nope',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--logs',
        '.',
      ],
      /unknown runbook "nope"/,
    ],
    [
      // The end defaults to now, so a start years ago makes a window too long to scan.
      ['investigate', 'kms-key-loss', '--param', 'start=2024-05-14', '--logs', '.'],
      /longer than 90 days; narrow it/,
    ],
    [
      ['investigate', 'kms-key-loss', '--param', 'start=2024-05-14', '--param', 'end=2024-05-15'],
      /--logs <path\.\.\.>/,
    ],
    [
      [
        'investigate',
        's3-public-exposure',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--param',
        "bucket=x' OR '1'='1",
        '--logs',
        '.',
      ],
      /bucket is not a valid S3 bucket name/,
    ],
    [['investigate', 'kms-key-loss', '--param', 'start', '--logs', '.'], /--param takes key=value/],
    [
      [
        'investigate',
        'kms-key-loss',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--logs',
        '/no/such/dir',
      ],
      /cannot read \/no\/such\/dir/,
    ],
    [
      [
        'investigate',
        'kms-key-loss',
        '--param',
        'start=2020-01-01',
        '--param',
        'end=2020-01-02',
        '--logs',
        CORRUPT_LOGS,
      ],
      /no CloudTrail or S3 access-log files.*dated outside 2020\/01\/01\.\.2020\/01\/03/,
    ],
  ])('exits 2 with a clear message for %j', async (argv, message) => {
    const { err, code } = await cli(argv as string[]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('trailwatch investigate (Athena)', () => {
  it('runs on Athena with flags and env, and reports a failed query', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-1' });
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {
        Status: { State: 'FAILED', StateChangeReason: 'TABLE_NOT_FOUND: cloudtrail_logs' },
      },
    });
    const { err, code } = await cli(
      [
        'investigate',
        'kms-key-loss',
        '--query',
        'kms-key-changes',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--engine',
        'athena',
      ],
      {
        env: { TRAILWATCH_ATHENA_DATABASE: 'security', TRAILWATCH_ATHENA_WORKGROUP: 'ir' },
        athenaClient: () => new AthenaClient({ region: 'us-east-1' }),
      },
    );
    expect(code).toBe(2);
    expect(err).toContain(
      'kms-key-changes FAILED on Athena (execution qe-1): TABLE_NOT_FOUND: cloudtrail_logs',
    );
    expect(athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input).toMatchObject({
      WorkGroup: 'ir',
      QueryExecutionContext: { Database: 'security' },
      ExecutionParameters: [
        "'2024/05/14'",
        "'2024/05/16'",
        "'2024-05-14T00:00:00Z'",
        "'2024-05-15T00:00:00Z'",
      ],
    });
  });

  it('prints Athena rows as CSV', async () => {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-2' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' } } });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'key_id', Type: 'varchar' }] },
        Rows: [{ Data: [{ VarCharValue: 'key_id' }] }, { Data: [{ VarCharValue: '1234abcd' }] }],
      },
    });
    const { out, code } = await cli(
      [
        'investigate',
        'kms-key-loss',
        '--query',
        'kms-key-changes',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--engine',
        'athena',
        '--database',
        'security',
        '--format',
        'csv',
      ],
      { env: {}, athenaClient: () => new AthenaClient({ region: 'us-east-1' }) },
    );
    expect(code).toBe(0);
    expect(out).toBe('key_id\r\n1234abcd\r\n');
  });

  it('needs a database', async () => {
    const { err, code } = await cli(
      [
        'investigate',
        'kms-key-loss',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--engine',
        'athena',
      ],
      { env: {} },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--database or TRAILWATCH_ATHENA_DATABASE/);
  });
});

describe('trailwatch investigate output of attacker-controlled values', () => {
  // Query results come from CloudTrail fields a caller chooses (user agent, session
  // name, request parameters): every format must neutralise them like alert output.
  const HOSTILE = [
    'ad\u200bmin',
    'invoice\u202egpj.exe',
    'a\u009b31mred',
    ' =HYPERLINK("http://evil")',
    '\u00a0=1+1',
    '\uff1dHYPERLINK("http://evil")',
    '\n=1+1',
    '\u200b=1+1',
    '\u3000@SUM(A1)',
    '\uff0b1+1',
    '\uff0d1+1',
    '\uff20SUM(A1)',
    '\t=1+1',
    '\r=1+1',
  ];

  async function investigateOn(format: string) {
    athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'qe-3' });
    athena
      .on(GetQueryExecutionCommand)
      .resolves({ QueryExecution: { Status: { State: 'SUCCEEDED' } } });
    athena.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: [{ Name: 'useragent', Type: 'varchar' }] },
        Rows: [
          { Data: [{ VarCharValue: 'useragent' }] },
          ...HOSTILE.map((value) => ({ Data: [{ VarCharValue: value }] })),
        ],
      },
    });
    return cli(
      [
        'investigate',
        'kms-key-loss',
        '--query',
        'kms-key-changes',
        '--param',
        'start=2024-05-14',
        '--param',
        'end=2024-05-15',
        '--engine',
        'athena',
        '--database',
        'security',
        '--format',
        format,
      ],
      { env: {}, athenaClient: () => new AthenaClient({ region: 'us-east-1' }) },
    );
  }

  /** Raw zero-width, bidi and C0/C1 control characters (line ends aside). */
  const UNSAFE =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

  it.each(['table', 'csv', 'json'])(
    'prints no raw invisible or control character as %s',
    async (format) => {
      const { out, code } = await investigateOn(format);

      expect(code).toBe(0);
      expect(out).not.toMatch(UNSAFE);
      expect(out).toContain(format === 'json' ? 'ad\\u200bmin' : 'ad\\u200Bmin');
    },
  );

  it('prints one table row per value: no value starts a new line', async () => {
    const { out } = await investigateOn('table');

    expect(out.trimEnd().split('\n')).toHaveLength(3 + HOSTILE.length);
  });

  it('defuses every formula form in CSV', async () => {
    const { out } = await investigateOn('csv');

    const cells = out
      .split('\r\n')
      .slice(1, -1)
      .map((cell) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell));
    expect(cells).toEqual([
      'ad\\u200Bmin',
      'invoice\\u202Egpj.exe',
      'a\\u009B31mred',
      '\' =HYPERLINK("http://evil")',
      "'\u00a0=1+1",
      '\'\uff1dHYPERLINK("http://evil")',
      "'\\n=1+1",
      "'\\u200B=1+1",
      "'\u3000@SUM(A1)",
      "'\uff0b1+1",
      "'\uff0d1+1",
      "'\uff20SUM(A1)",
      "'\\t=1+1",
      "'\\r=1+1",
    ]);
  });

  it('keeps JSON valid with the data intact', async () => {
    const { out } = await investigateOn('json');

    const rows = JSON.parse(out).results[0].rows.map((r: { useragent: string }) => r.useragent);
    expect(rows).toEqual(HOSTILE);
  });
});

describe('trailwatch runbook', () => {
  it('lists the runbooks', async () => {
    const { out } = await cli(['runbook']);
    expect(out.split('\n').filter(Boolean)).toHaveLength(RUNBOOK_LIST.length);
    expect(out).toMatch(/^data-exfiltration\s+/m);
    expect(out).toMatch(/^api-protection-removed\s+API Gateway or WAF protection removed$/m);
  });

  it('prints a runbook with placeholders filled from --param', async () => {
    const { out } = await cli([
      'runbook',
      'lambda-backdoor',
      '--param',
      'functionName=billing-export',
      '--param',
      'region=us-east-1',
    ]);
    expect(out).toMatch(/^# Lambda backdoor or abuse\n/);
    expect(out).toContain(
      'aws lambda get-policy --region us-east-1 --function-name billing-export',
    );
  });

  it('refuses an unknown runbook and a hostile value', async () => {
    expect((await cli(['runbook', 'nope'])).code).toBe(2);
    const hostile = await cli(['runbook', 'lambda-backdoor', '--param', 'functionName=$(id)']);
    expect(hostile.code).toBe(2);
    expect(hostile.err).toMatch(/functionName is not a valid/);
  });
});
