import { isoSeconds } from '../runbooks/params.js';
import { UsageError } from './io.js';

/** `24h`, `-24h`: an amount of time before now. `m` is minutes (months vary in length). */
const AGO = /^-?(\d{1,7})([smhdw])$/;

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** What a time option accepts, for messages and help. */
export const TIME_FORMS =
  'an ISO-8601 time (2026-11-20T09:00:00Z, 2026-11-20) or a time before now (90m, 24h, 7d, 2w; units s m h d w) or now';

/**
 * Where the CLI takes a time (a window's start or end), `now` and amounts of time
 * before now (`24h`: 24 hours ago) are accepted besides ISO-8601 instants. Returns
 * epoch ms for a relative form, undefined for anything else (an ISO time, or a
 * mistake the caller's own check reports).
 */
export function relativeTime(value: string, now: number): number | undefined {
  if (value === 'now') return now;
  const parts = AGO.exec(value);
  if (!parts) return undefined;
  return now - Number(parts[1]) * (UNIT_MS[parts[2] as string] as number);
}

/** `2026-11-20T09:00:05Z`: CloudTrail's `eventTime` shape, which window params take. */
export function isoInstant(time: number): string {
  return `${new Date(time).toISOString().slice(0, 19)}Z`;
}

/**
 * A window bound for `investigate`: a relative form becomes the ISO instant it names;
 * an ISO value passes unchanged (the runbook planner normalises it).
 *
 * @throws UsageError when the value is neither.
 */
export function windowTime(flag: string, value: string, now: number): string {
  const relative = relativeTime(value, now);
  if (relative !== undefined) return isoInstant(relative);
  if (isoSeconds(value) !== undefined) return value;
  throw new UsageError(`${flag} must be ${TIME_FORMS} (got "${value.slice(0, 100)}")`);
}
