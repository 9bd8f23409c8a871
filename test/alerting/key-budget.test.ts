import { describe, expect, it } from 'vitest';
import { KeyBudget } from '../../alerting/key-budget.js';

interface Item {
  readonly detector: string;
  readonly id: string;
  /** `undefined`: an alert is due. */
  readonly rank: number | undefined;
}

function budgetOf(maxKeys: number, maxPerDetector: number, items: readonly Item[]) {
  const budget = new KeyBudget(maxKeys, maxPerDetector);
  for (const item of items) budget.add(item.detector);
  const victims = () =>
    budget
      .victims(
        items,
        (i) => i.detector,
        (i) => i.rank,
      )
      .map((i) => i.id);
  return { budget, victims };
}

const keys = (detector: string, count: number, options: { due?: boolean } = {}): Item[] =>
  Array.from({ length: count }, (_, i) => ({
    detector,
    id: `${options.due ? 'due-' : ''}${detector}${i}`,
    rank: options.due ? undefined : 1,
  }));

describe('KeyBudget', () => {
  it('trims a detector over its cap to a tenth below it, oldest first', () => {
    const { budget, victims } = budgetOf(1000, 10, keys('a', 12));

    expect(budget.needsTrim()).toBe(true);
    expect(victims()).toEqual(['a0', 'a1', 'a2']);
  });

  it('over the overall cap, takes from the detectors holding the most, down to a common level', () => {
    const { victims } = budgetOf(20, 100, [...keys('a', 4), ...keys('b', 30), ...keys('c', 12)]);

    const taken = victims();

    expect(taken.filter((id) => id.startsWith('a'))).toEqual([]);
    expect(taken.filter((id) => id.startsWith('b'))).toHaveLength(23);
    expect(taken.filter((id) => id.startsWith('c'))).toHaveLength(5);
  });

  it('does not count keys with an alert due against the cap, and waits a tenth of a cap to trim again', () => {
    // Prepare: 30 keys with alerts due and 5 held ones, cap 10 per detector
    const { budget, victims } = budgetOf(1000, 10, [
      ...keys('a', 30, { due: true }),
      ...keys('a', 5),
    ]);

    // Act
    const needed = budget.needsTrim();
    const taken = victims();

    // Assess
    expect([needed, taken]).toEqual([true, []]);
    expect(budget.needsTrim()).toBe(false);
    budget.add('a');
    expect(budget.needsTrim()).toBe(false);
  });
});
