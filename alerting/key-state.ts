import { addToGroup, addValue, mergeGroup, needsNotification, newGroup } from './alert-group.js';
import { NO_DISTINCT_VALUE } from './distinct-value.js';
import type { AlertGroup, FindingSample, KeyState, PendingFinding } from './state-store.js';
import { UNNOTIFIED_RETENTION_MS, type WindowConfig } from './window-config.js';

/**
 * Window assignment for one detector + dedup key, in event time.
 *
 * Out-of-order findings: a finding joins the group whose window covers its time
 * (the latest-starting one if windows overlap). A finding shortly BEFORE a group
 * that has not been published yet moves that group's start back to it, as long as
 * the whole group still fits in one window, so "the window starts at the first
 * event" holds for reordered input. Otherwise it opens its own group. Totals never
 * depend on order; where groups split can, slightly, when events arrive more than
 * a window out of order.
 *
 * Distinct thresholds hold one entry per value (its latest finding, a count of
 * repeats and the time of the earliest), so a flood of repeats can neither grow
 * the state nor push other values out. In time order that is exact for firing: a
 * value is inside the window ending now iff its latest finding is. The repeats
 * an entry counts span at most one threshold window: a repeat further from the
 * entry's earliest restarts it from the previous latest one, so a value used all
 * day does not bring a day of findings (and a day-old first-seen time) into the
 * alert that another value completes. Out of order it is close: an earlier repeat
 * that arrives after a later one does not reopen windows the later one left, and
 * one more than a window older than the held finding is not counted.
 *
 * A finding with several distinct values (one SendCommand on five instances)
 * is held under each of them, but counted once: the first value that takes it
 * carries its count, the others join with a count of 0 (`repeats: 0`), so the
 * alert's count stays the number of findings while every value counts toward
 * the threshold.
 */

export type ApplyOutcome = 'grouped' | 'held' | 'triggered';

export function emptyKeyState(): KeyState {
  return { groups: [], pending: [] };
}

/**
 * Counts one finding into the key's state. `held` means it sits below its
 * threshold. `values` are the finding's distinct values (see `distinctKeysOf`:
 * unique, at least one); only distinct thresholds use them.
 */
export function applyFinding(
  state: KeyState,
  cfg: WindowConfig,
  sample: FindingSample,
  resources: readonly string[],
  values: readonly string[] = [NO_DISTINCT_VALUE],
): ApplyOutcome {
  const threshold = cfg.threshold;
  const distinct = values.length > 0 ? values : [NO_DISTINCT_VALUE];
  const group = groupFor(state.groups, sample.time, cfg.groupMs, true);
  if (group) {
    addToGroup(group, sample, resources);
    if (threshold?.distinct) {
      for (const value of distinct) addValue(group, value, threshold.distinctCap);
    }
    return 'grouped';
  }
  if (!threshold) {
    insertGroup(state.groups, newGroup(sample.time, cfg.groupMs, sample, resources));
    return 'grouped';
  }
  if (threshold.distinct) return holdValues(state, cfg, sample, resources, distinct);
  const at = insertPending(state.pending, { sample, resources }, cfg.pendingCap);
  const start = triggerStart(state.pending, at, threshold);
  if (start === undefined) return 'held';
  openGroupFromPending(state, cfg, start);
  return 'triggered';
}

/**
 * Distinct thresholds: holds the finding under each of its values, checking the
 * threshold after each. Once a group opened over the finding, the remaining
 * values only join that group's values.
 */
function holdValues(
  state: KeyState,
  cfg: WindowConfig,
  sample: FindingSample,
  resources: readonly string[],
  values: readonly string[],
): ApplyOutcome {
  const threshold = cfg.threshold as NonNullable<WindowConfig['threshold']>;
  let outcome: ApplyOutcome = 'held';
  let counted = false;
  for (const value of values) {
    const opened =
      outcome === 'triggered' ? groupFor(state.groups, sample.time, cfg.groupMs, false) : undefined;
    if (opened) {
      addValue(opened, value, threshold.distinctCap);
      continue;
    }
    const item: PendingFinding = counted
      ? { sample, resources, value, repeats: 0 }
      : { sample, resources, value };
    const held = holdValue(state.pending, item, cfg.pendingCap, threshold.windowMs);
    counted ||= held.took;
    const start = triggerStart(state.pending, held.at, threshold);
    if (start !== undefined) {
      openGroupFromPending(state, cfg, start);
      outcome = 'triggered';
    }
  }
  return outcome;
}

/**
 * The group a finding at `time` belongs to, or `undefined`. With `extend`, an
 * unpublished group just after `time` is moved back to start at `time` when it
 * still fits in one window.
 */
export function groupFor(
  groups: AlertGroup[],
  time: number,
  windowMs: number,
  extend: boolean,
): AlertGroup | undefined {
  const next = upperBound(groups, time, (g) => g.start);
  const covering = groups[next - 1];
  if (covering && time < covering.end) return covering;
  const later = groups[next];
  if (extend && later && later.notified === undefined && later.lastSeen - time < windowMs) {
    later.start = time;
    later.end = time + windowMs;
    return later;
  }
  return undefined;
}

/**
 * Drops what can no longer matter at `watermark` (epoch ms, event time): published
 * groups whose window closed more than the lateness ago, and held findings too old
 * to reach the threshold. Groups still waiting to be published are kept.
 */
export function pruneKeyState(state: KeyState, cfg: WindowConfig, watermark: number): void {
  state.groups = state.groups.filter(
    (g) => needsNotification(g) || g.end + cfg.latenessMs >= watermark,
  );
  if (cfg.threshold) {
    const oldest = watermark - cfg.threshold.windowMs - cfg.latenessMs;
    state.pending = state.pending.filter((p) => p.sample.time >= oldest);
  }
}

/** When the store may forget this key (epoch ms of event time); its seen marks share it. */
export function expiresAtOf(state: KeyState, cfg: WindowConfig): number {
  let at = Number.NEGATIVE_INFINITY;
  for (const g of state.groups) {
    const keep = g.end + cfg.latenessMs + (needsNotification(g) ? UNNOTIFIED_RETENTION_MS : 0);
    at = Math.max(at, keep);
  }
  const windowMs = cfg.threshold?.windowMs ?? 0;
  for (const p of state.pending) at = Math.max(at, p.sample.time + windowMs + cfg.latenessMs);
  return at;
}

/** What the aggregator remembers about a group it loaded, to merge after a conflict. */
export interface GroupOrigin {
  readonly start: number;
  readonly count: number;
}

/**
 * Merges this batch's work into state another writer stored meanwhile. `working`
 * started as `origins`' groups plus `basePending` (held entry id → findings it
 * counted); only the difference (new counts, new evidence, new or consumed held
 * findings, new repeats of a held value) is applied to `fresh`, which is not
 * modified.
 */
export function rebaseKeyState(
  fresh: KeyState,
  working: KeyState,
  origins: ReadonlyMap<AlertGroup, GroupOrigin>,
  basePending: ReadonlyMap<string, number>,
  cfg: WindowConfig,
): KeyState {
  const result: KeyState = structuredClone(fresh);
  const distinctCap = cfg.threshold?.distinctCap ?? 0;
  for (const group of working.groups) {
    const origin = origins.get(group);
    const delta = group.count - (origin?.count ?? 0);
    const target =
      (origin && result.groups.find((g) => g.start === origin.start)) ??
      groupFor(result.groups, group.start, cfg.groupMs, false);
    if (target) mergeGroup(target, group, delta, distinctCap);
    else insertGroup(result.groups, { ...structuredClone(group), count: Math.max(1, delta) });
  }
  const workingIds = new Set(working.pending.map(pendingId));
  const kept: PendingFinding[] = [];
  for (const p of result.pending) {
    const id = pendingId(p);
    if (workingIds.has(id) || !basePending.has(id)) {
      kept.push(p);
      continue;
    }
    // This batch consumed (or pruned) the entry. Repeats another writer added to a
    // held value since are theirs, not ours: they stay held.
    const surplus = countOf(p) - (basePending.get(id) ?? 0);
    if (p.value !== undefined && surplus > 0) kept.push(withCount(p, surplus, sinceOf(p)));
  }
  const index = new Map(kept.map((p, i) => [pendingId(p), i]));
  for (const p of working.pending) {
    const id = pendingId(p);
    const at = index.get(id);
    if (at === undefined) {
      index.set(id, kept.length);
      kept.push(p);
    } else if (p.value !== undefined) {
      // Both writers held this value: add only the repeats this batch saw.
      const other = kept[at] as PendingFinding;
      const added = countOf(p) - (basePending.get(id) ?? 0);
      const latest = later(p.sample, other.sample) ? p : other;
      const since = Math.min(sinceOf(p), sinceOf(other));
      // Entries that only ever stood for findings counted under other values stay at 0.
      const least = countOf(p) === 0 && countOf(other) === 0 ? 0 : 1;
      kept[at] = withCount(latest, Math.max(least, countOf(other) + added), since);
    }
  }
  result.pending = kept.sort((a, b) => a.sample.time - b.sample.time);
  foldHeldIntoGroups(result, cfg);
  // Two writers' halves may reach the threshold only together.
  if (cfg.threshold) {
    for (let i = 0; i < result.pending.length; i++) {
      const start = triggerStart(result.pending, i, cfg.threshold);
      if (start !== undefined) {
        openGroupFromPending(result, cfg, start);
        i = -1;
      }
    }
  }
  return result;
}

/** Identity of a held entry across writers: the finding, or for a distinct threshold its value. */
export function pendingId(p: PendingFinding): string {
  return p.value === undefined ? `${p.sample.time}|${p.sample.eventId}` : `v|${p.value}`;
}

/**
 * How many findings a held entry stands for: 0 for a value whose findings are
 * all counted under another value of theirs.
 */
export function countOf(p: PendingFinding): number {
  const n = p.repeats;
  if (n === 0) return 0;
  return typeof n === 'number' && Number.isFinite(n) && n > 1 ? Math.floor(n) : 1;
}

/** Time of the earliest finding a held entry counts. */
function sinceOf(p: PendingFinding): number {
  const since = p.since;
  return typeof since === 'number' && since < p.sample.time ? since : p.sample.time;
}

/** `p` counting `count` findings since `since`; the optional fields only when they say something. */
function withCount(p: PendingFinding, count: number, since: number): PendingFinding {
  const { repeats: _r, since: _s, ...rest } = p;
  return {
    ...rest,
    ...(count > 1 || count === 0 ? { repeats: count } : {}),
    ...(count > 1 && since < p.sample.time ? { since } : {}),
  };
}

/** Order-independent "newer": later time, then larger event id. */
function later(a: FindingSample, b: FindingSample): boolean {
  return a.time > b.time || (a.time === b.time && a.eventId > b.eventId);
}

/**
 * Distinct thresholds: counts a repeat into its value's entry, which keeps the
 * latest finding and spans at most `windowMs`; a new value is inserted like any
 * held finding. `item` adds `countOf(item)` findings (0 or 1). Returns the
 * entry's index, and whether the item was taken (a repeat more than a window
 * older than the held finding is not).
 */
function holdValue(
  pending: PendingFinding[],
  item: PendingFinding,
  cap: number,
  windowMs: number,
): { at: number; took: boolean } {
  const i = pending.findIndex((p) => p.value === item.value);
  if (i < 0) return { at: insertPending(pending, item, cap), took: true };
  const held = pending[i] as PendingFinding;
  const time = item.sample.time;
  const adds = countOf(item);
  if (!later(item.sample, held.sample)) {
    if (held.sample.time - time > windowMs) return { at: i, took: false };
    const since = adds > 0 ? Math.min(sinceOf(held), time) : sinceOf(held);
    pending[i] = withCount(held, countOf(held) + adds, since);
    return { at: i, took: true };
  }
  pending.splice(i, 1);
  let next: PendingFinding;
  if (time - sinceOf(held) <= windowMs) {
    next = withCount(item, countOf(held) + adds, sinceOf(held));
  } else if (time - held.sample.time <= windowMs) {
    // Restart from the previous latest finding: the only earlier time still known.
    next = withCount(item, Math.min(1, countOf(held)) + adds, held.sample.time);
  } else {
    next = withCount(item, adds, time);
  }
  return { at: insertPending(pending, next, cap), took: true };
}

/**
 * Moves held entries that fall inside a group's window into that group, as if
 * they had arrived after it opened. Only a merge of two writers leaves such
 * entries: one writer's held findings, the other's group.
 */
function foldHeldIntoGroups(state: KeyState, cfg: WindowConfig): void {
  state.pending = state.pending.filter((p) => {
    const group = groupFor(state.groups, p.sample.time, cfg.groupMs, false);
    if (!group) return true;
    addHeldToGroup(group, p, cfg);
    return false;
  });
}

function addHeldToGroup(group: AlertGroup, held: PendingFinding, cfg: WindowConfig): void {
  addToGroup(group, held.sample, held.resources);
  addRepeats(group, held);
  const threshold = cfg.threshold;
  if (threshold?.distinct) {
    addValue(group, held.value ?? NO_DISTINCT_VALUE, threshold.distinctCap);
  }
}

function insertGroup(groups: AlertGroup[], group: AlertGroup): void {
  groups.splice(
    upperBound(groups, group.start, (g) => g.start),
    0,
    group,
  );
}

/** Sorted insert; drops the oldest beyond `cap`. Returns the new finding's index. */
function insertPending(pending: PendingFinding[], item: PendingFinding, cap: number): number {
  let at = upperBound(pending, item.sample.time, (p) => p.sample.time);
  pending.splice(at, 0, item);
  while (pending.length > cap && pending.length > 1) {
    pending.shift();
    at -= 1;
  }
  return Math.max(0, at);
}

/**
 * Index of the first held finding of a window of `windowMs` that contains the one
 * at `at` and holds at least `count` findings, or `undefined`. In time order only
 * the window ending at the newest finding can be new: one binary search.
 */
function triggerStart(
  pending: readonly PendingFinding[],
  at: number,
  threshold: NonNullable<WindowConfig['threshold']>,
): number | undefined {
  const item = pending[at];
  if (!item) return undefined;
  const time = item.sample.time;
  const from = lowerBound(pending, time - threshold.windowMs, (p) => p.sample.time);
  if (at === pending.length - 1) {
    return pending.length - from >= threshold.count ? from : undefined;
  }
  for (let j = from; j <= at; j++) {
    const first = pending[j] as PendingFinding;
    const end = upperBound(pending, first.sample.time + threshold.windowMs, (p) => p.sample.time);
    if (end - j >= threshold.count) return j;
  }
  return undefined;
}

/** Counts a held entry's earlier repeats (its own finding is already counted). */
function addRepeats(group: AlertGroup, held: PendingFinding): void {
  group.count += countOf(held) - 1;
  group.firstSeen = Math.min(group.firstSeen, sinceOf(held));
}

/** Turns the held findings from index `from` on, within one group window, into a group. */
function openGroupFromPending(state: KeyState, cfg: WindowConfig, from: number): void {
  const first = state.pending[from] as PendingFinding;
  const start = first.sample.time;
  const to = lowerBound(state.pending, start + cfg.groupMs, (p) => p.sample.time);
  const members = state.pending.splice(from, to - from);
  const group = newGroup(start, cfg.groupMs, first.sample, first.resources);
  addRepeats(group, first);
  if (cfg.threshold?.distinct) {
    addValue(group, first.value ?? NO_DISTINCT_VALUE, cfg.threshold.distinctCap);
  }
  for (const member of members.slice(1)) addHeldToGroup(group, member, cfg);
  // Only if the entry carrying a finding's count was pushed out by the cap.
  group.count = Math.max(1, group.count);
  insertGroup(state.groups, group);
}

/** First index whose key is >= `value`. */
function lowerBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid] as T) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose key is > `value`. */
function upperBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid] as T) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
