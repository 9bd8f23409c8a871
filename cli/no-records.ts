import type { PipelineStats } from '../alerting/pipeline.js';
import type { SkipReason } from '../ingest/types.js';

/** Why files without records were passed over, in words for the closing message. */
const SKIPPED: Readonly<Record<SkipReason, readonly [one: string, many: string]>> = {
  'cloudtrail-digest': ['CloudTrail digest file', 'CloudTrail digest files'],
  'cloudtrail-insight': ['CloudTrail Insights file', 'CloudTrail Insights files'],
  'directory-marker': ['folder marker', 'folder markers'],
  'empty-object': ['empty file', 'empty files'],
  's3-test-event': ['s3:TestEvent message', 's3:TestEvent messages'],
  'not-cloudtrail': [
    'file of events that did not come from CloudTrail',
    'files of events that did not come from CloudTrail',
  ],
};

/** Said once after the counts when digests were all there was: the usual mix-up. */
const DIGEST_HINT =
  'digest files hold hashes of log files, not events: scan the CloudTrail/ folder beside CloudTrail-Digest/';

/**
 * Why a scan read no record at all, or undefined when it read some (or read a
 * well-formed log file that simply holds none, as a quiet hour's can). Input that is
 * all unreadable, damaged, digests or other JSON is an input error, never a clean
 * result: a gate fed the wrong folder or a broken download must not pass.
 *
 * `damagedObjects` counts the files that had at least one ingest error.
 */
export function noRecordsReason(
  input: Readonly<PipelineStats>,
  damagedObjects: number,
  paths: readonly string[],
): string | undefined {
  if (input.events + input.accessLogRecords > 0 || input.objects > damagedObjects) return undefined;
  const parts = Object.entries(input.skippedByReason).map(([reason, n]) => {
    const words = SKIPPED[reason as SkipReason];
    return `${n} ${words ? words[n === 1 ? 0 : 1] : reason}`;
  });
  if (damagedObjects > 0) {
    parts.push(
      `${damagedObjects} ${damagedObjects === 1 ? 'file' : 'files'} unreadable, damaged or not CloudTrail (the errors above say why)`,
    );
  }
  if (input.skippedByReason['cloudtrail-digest']) parts.push(DIGEST_HINT);
  const where = paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')}, ...`;
  return `no CloudTrail records in ${where}: ${parts.join('; ') || 'nothing was read'}`;
}
