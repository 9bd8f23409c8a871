import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../detectors/catalog.js';
import { DetectorEngine } from '../../detectors/engine.js';
import { DEFAULT_SETTINGS } from '../../detectors/types.js';
import { type Pair, syntheticDetectors } from '../../scripts/bench/synthetic-detectors.js';

/** A corpus mix: a few very frequent calls, a long tail of rare ones. */
const PAIRS: Pair[] = [
  { eventSource: 'kms.amazonaws.com', eventName: 'Decrypt', count: 117_000 },
  { eventSource: 'sts.amazonaws.com', eventName: 'AssumeRole', count: 105_000 },
  { eventSource: 's3.amazonaws.com', eventName: 'GetObject', count: 99_000 },
  ...Array.from({ length: 40 }, (_, i) => ({
    eventSource: 'ec2.amazonaws.com',
    eventName: `Describe${i}`,
    count: 20_000 - i * 400,
  })),
  { eventSource: 's3.amazonaws.com', eventName: 'PutBucketAcl', count: 14 },
];

/** How many corpus events some detector of `detectors` listens to. */
function listenedEvents(n: number): number {
  const engine = new DetectorEngine(syntheticDetectors(n, BUILTIN_DETECTORS, PAIRS), {
    settings: DEFAULT_SETTINGS,
  });
  return PAIRS.reduce(
    (sum, p) => sum + (engine.listensTo(p.eventSource, p.eventName) ? p.count : 0),
    0,
  );
}

describe('syntheticDetectors', () => {
  it('makes n detectors with distinct ids, each listening to one call', () => {
    const detectors = syntheticDetectors(300, BUILTIN_DETECTORS, PAIRS);

    expect(detectors).toHaveLength(300);
    expect(new Set(detectors.map((d) => d.id)).size).toBe(300);
    for (const d of detectors) {
      expect(d.listensTo).toHaveLength(1);
      expect(d.listensTo[0]?.eventNames).not.toBe('*');
    }
  });

  it('puts the first ten on the most frequent calls, in every catalog size', () => {
    const ten = syntheticDetectors(10, BUILTIN_DETECTORS, PAIRS).map((d) => d.listensTo);
    const first = syntheticDetectors(300, BUILTIN_DETECTORS, PAIRS)
      .slice(0, 10)
      .map((d) => d.listensTo);

    expect(first).toEqual(ten);
    expect(ten[0]).toEqual([{ eventSource: 'kms.amazonaws.com', eventNames: ['Decrypt'] }]);
  });

  it('grows the catalog 30-fold while the events listened to grow by a few percent', () => {
    const ten = listenedEvents(10);
    const threeHundred = listenedEvents(300);

    expect(threeHundred).toBeGreaterThanOrEqual(ten);
    expect(threeHundred / ten).toBeLessThan(1.05);
  });
});
