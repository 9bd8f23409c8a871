import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE_LIMITS,
  evictionRank,
  limitsOf,
  pickVictims,
  RANK_FREE,
} from '../../alerting/state-eviction.js';
import type { KeyState } from '../../alerting/state-store.js';
import type { Severity } from '../../detectors/types.js';
import { stateWithCount } from './state-store-contract.js';

/** A key holding `count` findings below its threshold, at `severity`. */
function held(count: number, severity: Severity = 'medium'): KeyState {
  const sample = {
    time: 0,
    eventId: 'e',
    severity,
    summary: 's',
    account: 'a',
    region: 'r',
    principal: 'p',
    sourceIp: 'i',
  };
  return { groups: [], pending: Array.from({ length: count }, () => ({ sample, resources: [] })) };
}

describe('Function: evictionRank', () => {
  it('never ranks a key whose alert is due, published or escalated since', () => {
    const due = stateWithCount(3);
    const published = stateWithCount(3);
    (published.groups[0] as { notified?: Severity }).notified = 'low';
    const escalated = stateWithCount(3);
    (escalated.groups[0] as { notified?: Severity }).notified = 'info';

    expect(evictionRank(due)).toBeUndefined();
    expect(evictionRank(escalated)).toBeUndefined();
    expect(evictionRank(published)).toBeDefined();
  });

  it('ranks the least severe and least advanced keys lowest, an empty key lowest of all', () => {
    const ranks = [
      evictionRank({ groups: [], pending: [] }),
      evictionRank(held(1, 'low')),
      evictionRank(held(1)),
      evictionRank(held(19)),
      evictionRank(held(1, 'high')),
      evictionRank(held(1, 'critical')),
    ];

    expect(ranks[0]).toBe(RANK_FREE);
    expect(ranks).toEqual([...ranks].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('Function: pickVictims', () => {
  it('takes the lowest ranks first, in the given order among equals, never an unranked item', () => {
    const items = [
      { id: 'due', rank: undefined },
      { id: 'b1', rank: 2 },
      { id: 'a1', rank: 1 },
      { id: 'b2', rank: 2 },
      { id: 'a2', rank: 1 },
      { id: 'c', rank: 3 },
    ];

    const pick = (want: number) => pickVictims(items, want, (i) => i.rank).map((i) => i.id);

    expect(pick(0)).toEqual([]);
    expect(pick(1)).toEqual(['a1']);
    expect(pick(3)).toEqual(['b1', 'a1', 'a2']);
    expect(pick(100).sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'c']);
  });
});

describe('Function: limitsOf', () => {
  it('falls back to the default for a limit that is not a positive number, never to no limit', () => {
    const limits = limitsOf({ maxKeys: 0, maxKeysPerDetector: Number.NaN, maxFingerprints: 7 });

    expect(limits).toEqual({
      ...DEFAULT_STATE_LIMITS,
      maxFingerprints: 7,
    });
  });
});
