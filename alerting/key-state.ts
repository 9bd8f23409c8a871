import { addToGroup, mergeGroup, needsNotification, newGroup } from './alert-group.js';
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
 */

export type ApplyOutcome = 'grouped' | 'held' | 'triggered';

export function emptyKeyState(): KeyState {
  return { groups: [], pending: [] };
}

/** Counts one finding into the key's state. `held` means it sits below its threshold. */
export function applyFinding(
  state: KeyState,
  cfg: WindowConfig,
  sample: FindingSample,
  resources: readonly string[],
): ApplyOutcome {
  const group = groupFor(state.groups, sample.time, cfg.groupMs, true);
  if (group) {
    addToGroup(group, sample, resources);
    return 'grouped';
  }
  if (!cfg.threshold) {
    insertGroup(state.groups, newGroup(sample.time, cfg.groupMs, sample, resources));
    return 'grouped';
  }
  const at = insertPending(state.pending, { sample, resources }, cfg.pendingCap);
  const start = triggerStart(state.pending, at, cfg.threshold);
  if (start === undefined) return 'held';
  openGroupFromPending(state, cfg, start);
  return 'triggered';
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
 * started as `origins`' groups plus `basePending`; only the difference (new counts,
 * new evidence, new or consumed held findings) is applied to `fresh`, which is
 * not modified.
 */
export function rebaseKeyState(
  fresh: KeyState,
  working: KeyState,
  origins: ReadonlyMap<AlertGroup, GroupOrigin>,
  basePending: ReadonlySet<string>,
  cfg: WindowConfig,
): KeyState {
  const result: KeyState = structuredClone(fresh);
  for (const group of working.groups) {
    const origin = origins.get(group);
    const delta = group.count - (origin?.count ?? 0);
    const target =
      (origin && result.groups.find((g) => g.start === origin.start)) ??
      groupFor(result.groups, group.start, cfg.groupMs, false);
    if (target) mergeGroup(target, group, delta);
    else insertGroup(result.groups, { ...structuredClone(group), count: Math.max(1, delta) });
  }
  const workingPending = new Set(working.pending.map(pendingId));
  const consumed = new Set([...basePending].filter((id) => !workingPending.has(id)));
  const kept = result.pending.filter((p) => !consumed.has(pendingId(p)));
  const known = new Set(kept.map(pendingId));
  for (const p of working.pending) if (!known.has(pendingId(p))) kept.push(p);
  result.pending = kept.sort((a, b) => a.sample.time - b.sample.time);
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

/** Identity of a held finding across writers. */
export function pendingId(p: PendingFinding): string {
  return `${p.sample.time}|${p.sample.eventId}`;
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

/** Turns the held findings from index `from` on, within one group window, into a group. */
function openGroupFromPending(state: KeyState, cfg: WindowConfig, from: number): void {
  const first = state.pending[from] as PendingFinding;
  const start = first.sample.time;
  const to = lowerBound(state.pending, start + cfg.groupMs, (p) => p.sample.time);
  const members = state.pending.splice(from, to - from);
  const group = newGroup(start, cfg.groupMs, first.sample, first.resources);
  for (const member of members.slice(1)) addToGroup(group, member.sample, member.resources);
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
