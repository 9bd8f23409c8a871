import type { Writable } from 'node:stream';
import type { Alert } from '../alert.js';
import { byUrgency } from '../alert-order.js';
import { alertToJson } from '../safe-json.js';
import type { AlertPublisher, PublishFailure, PublishResult } from './publisher.js';
import { describeError } from './publisher.js';
import { writeText } from './write-text.js';

/**
 * Writes one Alert JSON object per line (JSON Lines), most urgent first. Line
 * breaks inside values are escaped by JSON itself and U+2028/9 by
 * `alertToJson`, so one line is always one alert. Each alert is written on its
 * own, so a stream that breaks midway reports exactly which alerts did not go out.
 */
export class JsonLinesPublisher implements AlertPublisher {
  constructor(private readonly out: Writable) {}

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    const published: string[] = [];
    const failed: PublishFailure[] = [];
    let broken: unknown;
    for (const alert of [...alerts].sort(byUrgency)) {
      if (broken !== undefined) {
        failed.push({ id: alert.id, reason: describeError(broken), error: broken });
        continue;
      }
      try {
        await writeText(this.out, `${alertToJson(alert)}\n`);
        published.push(alert.id);
      } catch (error) {
        broken = error ?? new Error('write failed');
        failed.push({ id: alert.id, reason: describeError(broken), error: broken });
      }
    }
    return { published, failed };
  }
}
