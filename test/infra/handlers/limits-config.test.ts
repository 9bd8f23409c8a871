import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALERTS_PER_TOPIC_PER_MINUTE,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  readHandlerConfig,
} from '../../../infra/handlers/config.js';
import { ENV } from './factories.js';

describe('Handler config: input and alert limits', () => {
  it('defaults to a 1 GiB decompressed cap and 20 alerts per topic per minute', () => {
    const config = readHandlerConfig(ENV);
    expect(config.maxDecompressedBytes).toBe(DEFAULT_MAX_DECOMPRESSED_BYTES);
    expect(config.maxDecompressedBytes).toBe(1024 ** 3);
    expect(config.alertsPerTopicPerMinute).toBe(DEFAULT_ALERTS_PER_TOPIC_PER_MINUTE);
  });

  it('reads both limits from the environment', () => {
    const config = readHandlerConfig({
      ...ENV,
      TRAILWATCH_MAX_DECOMPRESSED_BYTES: '67108864',
      TRAILWATCH_ALERTS_PER_TOPIC_PER_MINUTE: '5',
    });
    expect([config.maxDecompressedBytes, config.alertsPerTopicPerMinute]).toEqual([67108864, 5]);
  });

  it.each(['0', '-1', '1.5', 'lots', '1e400'])('refuses %s with the variable name', (raw) => {
    expect(() => readHandlerConfig({ ...ENV, TRAILWATCH_MAX_DECOMPRESSED_BYTES: raw })).toThrow(
      /TRAILWATCH_MAX_DECOMPRESSED_BYTES must be a positive integer/,
    );
  });
});
