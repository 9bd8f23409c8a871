import { describe, expect, it } from 'vitest';
import { toDense } from '../../../detectors/metrics/dense-series.js';
import { findSpikes, judgePeriod } from '../../../detectors/metrics/spike-model.js';
import {
  DEFAULT_SPIKE_TUNING,
  type SpikeTuning,
} from '../../../detectors/metrics/spike-settings.js';
import type { MetricPoint } from '../../../ingest/metrics/types.js';
import {
  DAY,
  FIVE_MIN,
  generate,
  officeHours,
  T0,
  withValue,
} from '../../fixtures/metrics/series.js';

const LOOKBACK = 14;

function dense(points: readonly MetricPoint[], end?: number) {
  const series = toDense(points, FIVE_MIN, { zeroFill: true, ...(end ? { end } : {}) });
  if (!series) throw new Error('no series');
  return series;
}

function spikesIn(
  points: readonly MetricPoint[],
  from: number,
  to: number,
  tuning: Partial<SpikeTuning> = {},
) {
  return findSpikes(dense(points), { ...DEFAULT_SPIKE_TUNING, ...tuning }, LOOKBACK, { from, to });
}

/** Day `d`, `h` hours, `m` minutes after T0 (day 0 is a Monday). */
const at = (d: number, h: number, m = 0) => T0 + d * DAY + h * 3_600_000 + m * 60_000;

describe('spike model: office-hours function', () => {
  const normal = generate(officeHours, { days: 22 });

  it('does not alert on normal weekday peaks, ramps or quiet weekends', () => {
    // Act: every period of the last week, peaks and ramps included.
    const spikes = spikesIn(normal, at(15, 0), at(22, 0));

    // Assess
    expect(spikes).toEqual([]);
  });

  it('detects a night-time spike and says how far above baseline it is', () => {
    // Prepare: 03:00 on a Tuesday, normally ~20 invocations per 5 minutes.
    const spiked = withValue(normal, at(15, 3), 2400);

    // Act
    const spikes = spikesIn(spiked, at(15, 0), at(16, 0));

    // Assess
    expect(spikes).toHaveLength(1);
    const [spike] = spikes;
    expect(spike?.periodStart).toBe(at(15, 3));
    expect(spike?.observed).toBe(2400);
    expect(['daily', 'weekly']).toContain(spike?.basis);
    expect(spike?.expected).toBeGreaterThan(10);
    expect(spike?.expected).toBeLessThan(30);
    expect(spike?.ratio).toBeGreaterThan(80);
    expect(spike?.score).toBeGreaterThan(100);
  });

  it('detects a spike on top of the daily peak', () => {
    const spiked = withValue(normal, at(16, 11), 6000);

    expect(spikesIn(spiked, at(16, 0), at(17, 0)).map((s) => s.periodStart)).toEqual([at(16, 11)]);
  });

  it('stays quiet on a rise below three times the baseline', () => {
    const raised = withValue(normal, at(16, 11), 1500);

    expect(spikesIn(raised, at(16, 0), at(17, 0))).toEqual([]);
  });

  it('keeps its baseline when earlier days held spikes of their own', () => {
    // Prepare: a spike at 03:00 on three earlier days; day 16 at 03:00 is normal.
    let history = normal;
    for (const day of [9, 11, 13]) history = withValue(history, at(day, 3), 5000);

    // Act / Assess: no echo of the old spikes, and a new one still shows.
    expect(spikesIn(history, at(16, 2), at(16, 4))).toEqual([]);
    const spiked = withValue(history, at(16, 3), 900);
    expect(spikesIn(spiked, at(16, 2), at(16, 4))).toHaveLength(1);
  });
});

describe('spike model: weekly rhythm', () => {
  /** A Monday 02:00-03:00 batch: 3,000 invocations per 5 minutes; otherwise ~30. */
  const mondayBatch = (time: number) => {
    const hour = (time % DAY) / 3_600_000;
    return new Date(time).getUTCDay() === 1 && hour >= 2 && hour < 3 ? 3000 : 30;
  };
  const points = generate(mondayBatch, { days: 22, seed: 7 });
  const thirdMonday = at(21, 2, 30);

  it('expects the weekly batch once two weeks of history exist', () => {
    expect(spikesIn(points, at(21, 0), at(22, 0))).toEqual([]);
  });

  it('would alert on it with daily seasonality only: the weekly profile is what keeps it quiet', () => {
    const daily = spikesIn(points, at(21, 0), at(22, 0), { seasonality: 'daily' });

    expect(daily.map((s) => s.periodStart)).toContain(thirdMonday);
  });
});

describe('spike model: idle and new functions', () => {
  it('does not alert on an idle function waking up to a few calls', () => {
    // Prepare: 15 days with a call every few hours, then 3 calls, then 40.
    const points: MetricPoint[] = [];
    for (let t = T0; t < at(15, 0); t += 4 * 3_600_000) points.push({ time: t, value: 1 });
    const woke = [...points, { time: at(15, 9), value: 3 }, { time: at(15, 10), value: 40 }];

    expect(spikesIn(woke, at(15, 0), at(16, 0))).toEqual([]);
  });

  it('alerts on an idle function suddenly serving hundreds of calls a minute', () => {
    const points: MetricPoint[] = [];
    for (let t = T0; t < at(15, 0); t += 4 * 3_600_000) points.push({ time: t, value: 1 });
    const flooded = [...points, { time: at(15, 10), value: 2500 }];

    const [spike] = spikesIn(flooded, at(15, 0), at(16, 0));

    expect(spike?.observed).toBe(2500);
    expect(spike?.expected).toBe(0);
  });

  it('warms up a new function: only a very high absolute rate alerts in its first days', () => {
    // Prepare: a function one day old, ~100 per 5 minutes.
    const young = generate(() => 100, { days: 1, start: at(14, 0), seed: 3 });
    const moderate = withValue(young, at(14, 23), 2000); // 400/min: 20x, but warming up
    const massive = withValue(young, at(14, 23), 9000); // 1,800/min

    expect(spikesIn(moderate, at(14, 12), at(15, 0))).toEqual([]);
    const [spike] = spikesIn(massive, at(14, 12), at(15, 0));
    expect(spike?.basis).toBe('warm-up');
    expect(spike?.historyDays).toBeLessThan(1);
  });
});

describe('judgePeriod', () => {
  it('never reads a period without data as a value', () => {
    const series = toDense(
      [
        { time: T0, value: 10 },
        { time: T0 + 2 * FIVE_MIN, value: 10 },
      ],
      FIVE_MIN,
      { zeroFill: false },
    );

    expect(series && judgePeriod(series, 1, DEFAULT_SPIKE_TUNING, LOOKBACK)).toBeUndefined();
  });
});
