import { Command } from 'commander';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { BUILTIN_DETECTORS_DIR, loadExampleFiles } from '../../detectors/examples/load.js';
import type { DetectorExamples } from '../../detectors/types.js';
import { UserDetectorsFolderError } from '../../detectors/user/errors.js';
import { loadUserDetectors } from '../../detectors/user/load.js';
import {
  type DetectorUnderTest,
  type ExampleKind,
  type LoadProblem,
  type TestReport,
  testDetectors,
} from '../../detectors/user/test-report.js';
import { type CliIo, EXIT, UsageError } from '../io.js';
import { parseChoice } from '../options.js';

const FORMATS = ['table', 'json'] as const;

/** Exit code when an example fails, a detector lacks a kind of example, or a user file is broken. */
const EXIT_FAILED = 1;

interface RawOptions {
  format: string;
  detectors?: string;
  only?: string;
}

const KIND_WORDS: Readonly<Record<ExampleKind, string>> = { fire: 'fire', noFire: 'no-fire' };

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** One line per example, then what is missing, what failed to load, and the totals. */
export function reportAsTable(report: TestReport): string {
  const width = Math.max(0, ...report.detectors.map((d) => d.id.length));
  const lines: string[] = [];
  for (const detector of report.detectors) {
    for (const o of detector.outcomes) {
      const status = o.passed ? 'PASS' : 'FAIL';
      const kind = KIND_WORDS[o.expect].padEnd(7);
      const why = o.passed ? '' : `: ${o.reason ?? 'failed'}`;
      lines.push(`${status}  ${detector.id.padEnd(width)}  ${kind}  ${o.name}${why}`);
    }
    for (const c of detector.crashes) {
      lines.push(
        `FAIL  ${detector.id.padEnd(width)}  odd-input  ${c.variant} (from "${c.example}"): threw ${c.error}`,
      );
    }
  }
  const incomplete = report.detectors.filter((d) => d.missing.length > 0);
  if (incomplete.length > 0) {
    lines.push('', 'Missing examples (every detector needs at least one fire and one no-fire):');
    for (const d of incomplete) {
      const where = d.file ? ` (${d.file})` : '';
      lines.push(
        `  ${d.id}${where}: no ${d.missing.map((k) => KIND_WORDS[k]).join(' or ')} examples`,
      );
    }
  }
  if (report.loadProblems.length > 0) {
    lines.push('', 'User detector files that did not load:');
    for (const p of report.loadProblems) lines.push(`  ${p.file}: ${p.reason}`);
  }
  const t = report.totals;
  const problems = [
    t.incomplete > 0 ? `${plural(t.incomplete, 'detector')} missing examples` : '',
    t.crashes > 0 ? `${plural(t.crashes, 'crash', 'crashes')} on odd input` : '',
    t.loadProblems > 0 ? plural(t.loadProblems, 'user file problem') : '',
  ].filter(Boolean);
  lines.push(
    '',
    `${plural(t.detectors, 'detector')}, ${plural(t.examples, 'example')}: ${t.passed} passed, ` +
      `${t.failed} failed${problems.length > 0 ? `; ${problems.join('; ')}` : ''}. ` +
      (report.ok ? 'OK' : 'FAILED'),
  );
  return `${lines.join('\n')}\n`;
}

function selectOnly(tested: DetectorUnderTest[], only: string | undefined): DetectorUnderTest[] {
  if (only === undefined) return tested;
  const wanted = new Set(
    only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const unknown = [...wanted].filter((id) => !tested.some((t) => t.detector.id === id));
  if (wanted.size === 0 || unknown.length > 0) {
    throw new UsageError(`--only names no known detector: ${unknown.join(', ') || '(empty)'}`);
  }
  return tested.filter((t) => wanted.has(t.detector.id));
}

/** Built-in detectors with their examples, plus those of the user folder. */
async function gather(dir: string | undefined) {
  const examples = new Map<string, DetectorExamples>(await loadExampleFiles(BUILTIN_DETECTORS_DIR));
  const tested: DetectorUnderTest[] = BUILTIN_DETECTORS.map((detector) => ({
    detector,
    source: 'builtin' as const,
  }));
  let problems: LoadProblem[] = [];
  if (dir !== undefined) {
    const user = await loadUserDetectors(dir).catch((error: unknown) => {
      if (error instanceof UserDetectorsFolderError) throw new UsageError(error.message);
      throw error;
    });
    for (const [id, set] of user.examples) examples.set(id, set);
    for (const detector of user.detectors) {
      const file = user.files.get(detector.id);
      tested.push({ detector, source: 'user', ...(file === undefined ? {} : { file }) });
    }
    problems = user.errors.map((e) => ({ file: e.file, reason: e.reason }));
  }
  return { tested, examples, problems };
}

/** `trailwatch test-detectors`: runs every detector's fire and no-fire examples. */
export function testDetectorsCommand(io: CliIo, result: { exitCode: number }): Command {
  return new Command('test-detectors')
    .description("Run every detector's fire and no-fire examples (built-in and user detectors)")
    .option('-d, --detectors <dir>', 'also load and test the user detectors in this folder')
    .option('--only <ids>', 'test only these detectors (comma-separated ids)')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .addHelpText(
      'after',
      `
Every detector must ship at least one example that fires and one that does not
(see docs/writing-detectors.md). Each example runs through the real engine.

Each detector must also survive damaged copies of its example events (null
request or response, fields of the wrong type): CloudTrail fields vary.

Exit codes: 0 every example passed and every detector has both kinds;
1 an example failed, a detector lacks fire or no-fire examples, threw on odd
input, or a user detector file did not load; 2 bad usage (unknown format,
missing folder).

Examples:
  trailwatch test-detectors
  trailwatch test-detectors --detectors ./rules
  trailwatch test-detectors --detectors ./rules --only break-glass-role-used --format json
`,
    )
    .action(async (raw: RawOptions) => {
      const format = parseChoice('--format', raw.format, FORMATS);
      const { tested, examples, problems } = await gather(raw.detectors);
      const report = testDetectors(selectOnly(tested, raw.only), examples, problems);
      io.stdout.write(
        format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportAsTable(report),
      );
      result.exitCode = report.ok ? EXIT.ok : EXIT_FAILED;
    });
}
