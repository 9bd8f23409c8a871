import type { Writable } from 'node:stream';
import type { Alert } from '../alert.js';
import { byUrgency } from '../alert-order.js';
import { alertToJson } from '../safe-json.js';
import { type AlertPublisher, allFailed, allPublished, type PublishResult } from './publisher.js';
import { writeText } from './write-text.js';

/**
 * Writes the alerts as one pretty-printed JSON array (most urgent first), for a
 * one-shot CLI run piped into `jq`. Each call writes its own array; for streams
 * of batches use {@link JsonLinesPublisher}.
 */
export class JsonPublisher implements AlertPublisher {
  constructor(private readonly out: Writable) {}

  async publish(alerts: readonly Alert[]): Promise<PublishResult> {
    const items = [...alerts].sort(byUrgency).map((a) => indent(alertToJson(a, 2)));
    const text = items.length === 0 ? '[]\n' : `[\n${items.join(',\n')}\n]\n`;
    try {
      await writeText(this.out, text);
      return allPublished(alerts);
    } catch (error) {
      return allFailed(alerts, error);
    }
  }
}

function indent(json: string): string {
  return json
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
