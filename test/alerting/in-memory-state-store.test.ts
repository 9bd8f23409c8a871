import { describe, expect, it } from 'vitest';
import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import { describeStateStoreContract, stateWithCount } from './state-store-contract.js';

describeStateStoreContract('InMemoryAlertStateStore', async () => {
  const store = new InMemoryAlertStateStore();
  return { store, passTime: (seconds) => store.expire(seconds) };
});

describe('InMemoryAlertStateStore', () => {
  it('counts the keys it holds and drops them at expiry', async () => {
    const store = new InMemoryAlertStateStore();
    await store.put({ detectorId: 'd', dedupKey: 'a' }, stateWithCount(1), 0, 100);
    await store.put({ detectorId: 'd', dedupKey: 'b' }, stateWithCount(1), 0, 200);

    const before = store.size;
    await store.expire(150);

    expect([before, store.size]).toEqual([2, 1]);
  });
});
