import { join } from 'node:path';
import { Writable } from 'node:stream';
import { CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { testDetectorsCommand } from '../../cli/commands/test-detectors.js';
import { EXIT, UsageError } from '../../cli/io.js';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import type { TestReport } from '../../detectors/user/test-report.js';
import {
  assumeRoleEventSource,
  detectorSource,
  EXAMPLES_SOURCE,
  removeRuleFolders,
  ruleFolder,
} from '../detectors/user/rule-folder.js';

afterAll(removeRuleFolders);

const SAMPLE_RULES = join(import.meta.dirname, '../../sample-rules');

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/** Runs the command as cli/main.ts does: usage errors become exit code 2. */
async function run(...args: string[]) {
  const out = sink();
  const err = sink();
  const result = { exitCode: EXIT.ok as number };
  const command = testDetectorsCommand({ stdout: out.stream, stderr: err.stream }, result)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  try {
    await command.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof CommanderError)) throw error;
    return { code: EXIT.usage as number, stdout: out.text(), error: error.message };
  }
  return { code: result.exitCode, stdout: out.text(), error: '' };
}

describe('Command: trailwatch test-detectors', () => {
  it('passes every built-in detector, one line per example', async () => {
    // Act
    const { code, stdout } = await run();

    // Assess
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS {2}root-account-used +fire {5}root creates an access key/m);
    expect(stdout).toMatch(/^PASS {2}root-account-used +no-fire {2}/m);
    expect(stdout).not.toMatch(/^FAIL/m);
    expect(stdout.trimEnd()).toMatch(
      new RegExp(
        `^${BUILTIN_DETECTORS.length} detectors, \\d+ examples: \\d+ passed, 0 failed\\. OK$`,
        'm',
      ),
    );
  });

  it('tests user detectors beside the built-ins', async () => {
    const { code, stdout } = await run('--detectors', SAMPLE_RULES);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^PASS {2}break-glass-role-used +fire {5}IAM user assumes/m);
    expect(stdout).toContain(`${BUILTIN_DETECTORS.length + 2} detectors`);
  });

  it('fails a mislabelled example and says why', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a')};`,
      'rule-a.examples.ts': `export const examples = {
        fire: [{ name: 'labelled fire, does not', events: [${assumeRoleEventSource('ReadOnly')}] }],
        noFire: [{ name: 'quiet', events: [${assumeRoleEventSource('ReadOnly')}] }],
      };`,
    });

    const { code, stdout } = await run('--detectors', dir, '--only', 'rule-a');

    expect(code).toBe(1);
    expect(stdout).toContain(
      'FAIL  rule-a  fire     labelled fire, does not: expected an alert, got 0 finding(s)',
    );
    expect(stdout).toContain('PASS  rule-a  no-fire  quiet');
    expect(stdout.trimEnd()).toMatch(/1 passed, 1 failed\. FAILED$/);
  });

  it('fails a user detector without no-fire examples, naming its file', async () => {
    const dir = ruleFolder({
      'a.ts': `export const a = ${detectorSource('rule-a', `examples: { fire: [{ name: 'x', events: [${assumeRoleEventSource('BreakGlass')}] }] },`)};`,
      'b.ts': `export const b = ${detectorSource('rule-b')};`,
    });

    const { code, stdout } = await run('--detectors', dir, '--only', 'rule-a,rule-b');

    expect(code).toBe(1);
    expect(stdout).toContain(`rule-a (${join(dir, 'a.ts')}): no no-fire examples`);
    expect(stdout).toContain(`rule-b (${join(dir, 'b.ts')}): no fire or no-fire examples`);
    expect(stdout).toContain('2 detectors missing examples');
  });

  it('fails when a user file does not load, and still tests the others', async () => {
    const dir = ruleFolder({
      'good.ts': `export const good = ${detectorSource('good')};`,
      'good.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
      'broken.ts': 'export const broken = {',
    });

    const { code, stdout } = await run('--detectors', dir, '--only', 'good');

    expect(code).toBe(1);
    expect(stdout).toContain('PASS  good  fire');
    expect(stdout).toContain(
      `User detector files that did not load:\n  ${join(dir, 'broken.ts')}: cannot be loaded`,
    );
    expect(stdout).toContain('1 user file problem');
  });

  it('fails a detector that throws on odd input, naming the damage', async () => {
    const fragile = detectorSource('fragile').replace(
      'const arn = event.requestParameters && event.requestParameters.roleArn;',
      'const arn = event.requestParameters.roleArn;',
    );
    const dir = ruleFolder({
      'fragile.ts': `export const fragile = ${fragile};`,
      'fragile.examples.ts': `export const examples = ${EXAMPLES_SOURCE};`,
    });

    const { code, stdout } = await run('--detectors', dir, '--only', 'fragile');

    expect(code).toBe(1);
    expect(stdout).toContain('PASS  fragile  fire');
    expect(stdout).toMatch(
      /^FAIL {2}fragile {2}odd-input {2}requestParameters null \(from "break-glass assumed"\): threw TypeError: /m,
    );
    expect(stdout).toContain('1 crash on odd input');
  });

  it('prints the report as JSON', async () => {
    const { code, stdout } = await run(
      '--detectors',
      SAMPLE_RULES,
      '--only',
      'break-glass-role-used',
      '--format',
      'json',
    );

    const report = JSON.parse(stdout) as TestReport;
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.totals).toEqual({
      detectors: 1,
      examples: 5,
      passed: 5,
      failed: 0,
      incomplete: 0,
      crashes: 0,
      loadProblems: 0,
    });
    expect(report.detectors[0]).toMatchObject({
      id: 'break-glass-role-used',
      source: 'user',
      file: join(SAMPLE_RULES, 'break-glass-role-used.ts'),
      missing: [],
    });
  });

  it.each([
    [['--detectors', '/no/such/folder'], '--detectors /no/such/folder: no such folder'],
    [['--only', 'no-such-detector'], '--only names no known detector: no-such-detector'],
    [['--format', 'xml'], '--format must be one of table, json (got "xml")'],
    [['--frobnicate'], "unknown option '--frobnicate'"],
  ])('exits 2 on bad usage: %j', async (args, message) => {
    const { code, error } = await run(...args);

    expect(code).toBe(2);
    expect(error).toContain(message);
  });
});
