import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { parseChoice, parseSeverity } from '../options.js';
import { parseJobs } from '../parallel-scan.js';
import { runScan, SCAN_FORMATS, type ScanOptions } from '../scan-run.js';

interface RawScanOptions {
  format: string;
  minSeverity: string;
  failOn?: string;
  out?: string;
  config?: string;
  progress: boolean;
  showSuppressed?: boolean;
  jobs: string;
  detectors?: string;
  exhaustive?: boolean;
  awsIpRanges?: string;
}

/** `trailwatch scan`: options in, {@link runScan} does the work. */
export function scanCommand(io: CliIo, result: { exitCode: number }): Command {
  return new Command('scan')
    .description('Run every detector over CloudTrail logs and print the alerts')
    .argument(
      '<paths...>',
      'CloudTrail log files or folders (walked recursively); - reads standard input',
    )
    .option('-f, --format <format>', `output format: ${SCAN_FORMATS.join(', ')}`, 'table')
    .option('--min-severity <severity>', 'hide alerts below this severity', 'low')
    .option(
      '--fail-on <severity>',
      'exit 1 if an alert at or above this severity is found (shown or hidden by --min-severity)',
    )
    .option(
      '-o, --out <file>',
      'write alerts to this file instead of stdout (checked before the scan starts)',
    )
    .option(
      '-c, --config <file>',
      'config file (YAML or JSON): settings, detector overrides, suppressions (docs/configuration.md)',
    )
    .option('--show-suppressed', 'list findings suppressed by the config on stderr')
    .option(
      '-d, --detectors <dir>',
      'also run the user-written detectors in this folder (docs/writing-detectors.md)',
    )
    .option(
      '-j, --jobs <n>',
      'scan files on n worker threads (auto: one per CPU); alerts are the same as with 1',
      '1',
    )
    .option(
      '--exhaustive',
      'parse and validate every record, even those no detector reads (slower; alerts are the same)',
    )
    .option(
      '--aws-ip-ranges <file>',
      "AWS's ip-ranges.json to tell AWS addresses from others (default: the config's awsIpRangesFile, else the copy `trailwatch ip-ranges update` cached)",
    )
    .option('--no-progress', 'never show the progress line (shown only when stderr is a terminal)')
    .addHelpText(
      'after',
      `
Inputs (detected by content): CloudTrail files as delivered to S3 (.json.gz or .json,
{"Records":[...]}), folders of them in the account or organisation-trail layout,
EventBridge "AWS API Call via CloudTrail" events (one or a JSON array), and JSON Lines
of records; gzip or not. "-" reads one such input from standard input (workers are
not used for it). Digest and Insight files, folder markers and s3:TestEvent messages
are skipped with a reason; a bad file is reported and the others are still scanned.
Records no detector can match are counted but not parsed (most of a busy account's
reads): --exhaustive parses and validates them too, to report malformed ones.

Severities: critical, high, medium, low, info.

Exit codes: 0 no alert at or above --fail-on; 1 there was one (hidden by
--min-severity or not: the summary says so); 2 bad usage or unreadable input (the
message names the file and the reason), including input with no CloudTrail record
at all (an empty folder, only digest files, only damaged files); 141 standard output
was closed early (| head), as for other Unix tools.

Examples:
  trailwatch scan examples/
  trailwatch scan ./logs --format jsonl --out alerts.jsonl
  trailwatch scan ./logs --min-severity critical --fail-on high   # CI: short output, strict gate
  aws s3 cp s3://my-trail-bucket/<key>.json.gz - | trailwatch scan -
  trailwatch scan ./logs --format jsonl | head -5
  trailwatch scan ./logs --detectors ./rules --config trailwatch.yaml
  trailwatch scan ./logs --config trailwatch.yaml --show-suppressed
`,
    )
    .action(async (paths: string[], raw: RawScanOptions) => {
      const options: ScanOptions = {
        paths,
        format: parseChoice('--format', raw.format, SCAN_FORMATS),
        minSeverity: parseSeverity('--min-severity', raw.minSeverity),
        failOn: raw.failOn === undefined ? undefined : parseSeverity('--fail-on', raw.failOn),
        out: raw.out,
        config: raw.config,
        progress: raw.progress,
        showSuppressed: raw.showSuppressed === true,
        jobs: parseJobs(raw.jobs),
        detectors: raw.detectors,
        exhaustive: raw.exhaustive === true,
        awsIpRanges: raw.awsIpRanges,
      };
      const outcome = await runScan(options, io);
      result.exitCode = outcome.exitCode;
    });
}
