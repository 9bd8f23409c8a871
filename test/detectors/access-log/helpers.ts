import { AlertAggregator } from '../../../alerting/aggregator.js';
import type { Alert } from '../../../alerting/alert.js';
import { AccessLogEngine } from '../../../detectors/access-log/engine.js';
import type { AccessLogDetector } from '../../../detectors/access-log/types.js';
import { DEFAULT_SETTINGS, type DetectorSettings, type Finding } from '../../../detectors/types.js';
import { parseAccessLogLine } from '../../../ingest/access-log/parse-line.js';
import type { AccessLogRecord } from '../../../ingest/access-log/types.js';

export const LOG_OBJECT =
  's3://central-logs/s3/111122223333/eu-west-1/amzn-s3-demo-bucket1/2024/05/14/2024-05-14-09-05-12-0A1B2C3D4E5F6789';

/** A line as ingest would hand it over; throws if the test wrote a bad line. */
export function record(line: string): AccessLogRecord {
  const parsed = parseAccessLogLine(line);
  if (!parsed.ok) throw new Error(`test line does not parse: ${parsed.reason}`);
  return parsed.record;
}

/** Runs one detector through the access-log engine on each line; the findings, in order. */
export function detect(
  detector: AccessLogDetector,
  lines: readonly string[],
  settings: Partial<DetectorSettings> = {},
): Finding[] {
  const engine = new AccessLogEngine([detector], {
    settings: { ...DEFAULT_SETTINGS, ...settings },
  });
  return lines.flatMap((line, index) =>
    engine.evaluate(record(line), { object: LOG_OBJECT, record: index }, (error) => {
      throw error;
    }),
  );
}

/** The alerts the findings of `lines` raise, thresholds and dedup applied. */
export async function alerts(
  detector: AccessLogDetector,
  lines: readonly string[],
  settings: Partial<DetectorSettings> = {},
): Promise<readonly Alert[]> {
  const aggregator = new AlertAggregator();
  await aggregator.addAll(detect(detector, lines, settings));
  return (await aggregator.flush()).alerts;
}

/** `14/May/2024:09:05:SS` for second `s` of the minute starting at `minute` past nine. */
export function at(minute: number, second = 0): string {
  const mm = String(Math.floor(minute)).padStart(2, '0');
  return `14/May/2024:09:${mm}:${String(second).padStart(2, '0')}`;
}
