import { describe, expect, it } from 'vitest';
import { SHRINK_STEPS, shrinkKeyState } from '../../alerting/state-item-size.js';
import type { AlertGroup } from '../../alerting/state-store.js';
import { richState } from './state-store-contract.js';

describe('shrinkKeyState', () => {
  it('leaves the state untouched at step 0', () => {
    const state = richState();

    expect(shrinkKeyState(state, 0)).toBe(state);
  });

  it('keeps counts, windows and values while shortening evidence', () => {
    const state = richState();

    const shrunk = shrinkKeyState(state, 1);

    const group = shrunk.groups[0] as AlertGroup;
    expect(group).toMatchObject({ start: 1_000, end: 301_000, count: 437, notified: 'medium' });
    expect(group.values).toEqual(state.groups[0]?.values);
    expect(group.resources).toHaveLength(10);
    expect(group.eventIds).toHaveLength(20);
    expect(group.sample.summary.length).toBeLessThanOrEqual(512);
    expect(shrunk.pending.map((p) => [p.value, p.repeats])).toEqual(
      state.pending.map((p) => [p.value, p.repeats]),
    );
    expect(state.groups[0]?.resources).toHaveLength(20); // input not modified
  });

  it('keeps groups still to be published before the latest published ones', () => {
    // Prepare: 30 published groups and one old unpublished one
    const base = richState().groups[0] as AlertGroup;
    const groups: AlertGroup[] = Array.from({ length: 30 }, (_, i) => ({
      ...base,
      start: (i + 1) * 1_000_000,
      notified: 'high',
    }));
    groups.unshift({ ...base, start: 0, notified: undefined });

    // Act
    const shrunk = shrinkKeyState({ groups, pending: [] }, SHRINK_STEPS);

    // Assess: in start order, the unpublished one kept, then the 9 latest
    expect(shrunk.groups.map((g) => g.start)).toEqual([
      0,
      ...Array.from({ length: 9 }, (_, i) => (i + 22) * 1_000_000),
    ]);
    expect(shrunk.groups[1]?.values).toHaveLength(20);
    expect(shrunk.groups[1]?.moreValues).toBe(true);
  });
});
