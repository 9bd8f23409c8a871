import { needsNotification } from './alert-group.js';
import { truncate } from './sanitize.js';
import type { AlertGroup, FindingSample, KeyState, PendingFinding } from './state-store.js';

/**
 * Key state is bounded by the aggregator (capped strings, lists and held
 * findings), but the bound is loose: a threshold detector holding a hundred
 * findings whose 2 KB fields are all control characters (escaped six-fold in
 * JSON) serialises to megabytes, past DynamoDB's 400 KB item limit. Failing the
 * write would fail every batch touching that key forever, so the store keeps the
 * state and gives up evidence instead, in steps: shorter texts, fewer resources
 * and event ids, then fewer groups and held entries. Counts, windows and
 * `notified` are never touched; distinct values only in the last step (which
 * sets `moreValues`). Realistic states never leave step 0.
 */

interface Budget {
  /** Longest kept text (summary, principal, a resource...). */
  readonly text: number;
  readonly resources: number;
  readonly eventIds: number;
  /** Most groups kept: those still to be published first, then the latest. */
  readonly groups: number;
  /** Most held entries kept: the latest. */
  readonly pending: number;
  /** Most distinct values a group keeps. */
  readonly values: number;
}

const STEPS: readonly Budget[] = [
  { text: 512, resources: 10, eventIds: 20, groups: 1000, pending: 2000, values: 1000 },
  { text: 128, resources: 3, eventIds: 5, groups: 100, pending: 500, values: 1000 },
  { text: 32, resources: 1, eventIds: 1, groups: 10, pending: 100, values: 20 },
];

/** How many shrinking steps exist beyond the untouched state (step 0). */
export const SHRINK_STEPS = STEPS.length;

/**
 * The state after shrinking step `step` (1..{@link SHRINK_STEPS}); step 0 is the
 * state itself. Pure: `state` is not modified.
 */
export function shrinkKeyState(state: KeyState, step: number): KeyState {
  const budget = STEPS[Math.min(step, STEPS.length) - 1];
  if (!budget) return state;
  const groups = [...state.groups]
    .map((g, index) => ({ g, index }))
    .sort(
      (a, b) =>
        Number(needsNotification(b.g)) - Number(needsNotification(a.g)) || b.g.start - a.g.start,
    )
    .slice(0, budget.groups)
    .sort((a, b) => a.index - b.index)
    .map(({ g }) => shrinkGroup(g, budget));
  const pending = state.pending.slice(-budget.pending).map((p) => shrinkPending(p, budget));
  return { groups, pending };
}

function shrinkGroup(group: AlertGroup, budget: Budget): AlertGroup {
  const shrunk: AlertGroup = {
    ...group,
    eventIds: group.eventIds.slice(0, budget.eventIds),
    resources: group.resources.slice(0, budget.resources).map((r) => truncate(r, budget.text)),
    sample: shrinkSample(group.sample, budget),
  };
  if (group.values && group.values.length > budget.values) {
    shrunk.values = group.values.slice(0, budget.values);
    shrunk.moreValues = true;
  }
  return shrunk;
}

function shrinkPending(held: PendingFinding, budget: Budget): PendingFinding {
  return {
    ...held,
    sample: shrinkSample(held.sample, budget),
    resources: held.resources.slice(0, budget.resources).map((r) => truncate(r, budget.text)),
  };
}

function shrinkSample(sample: FindingSample, budget: Budget): FindingSample {
  return {
    ...sample,
    summary: truncate(sample.summary, budget.text),
    account: truncate(sample.account, budget.text),
    region: truncate(sample.region, budget.text),
    principal: truncate(sample.principal, budget.text),
    sourceIp: truncate(sample.sourceIp, budget.text),
  };
}
