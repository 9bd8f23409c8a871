import { InMemoryAlertStateStore } from '../../alerting/in-memory-state-store.js';
import type {
  AlertStateStore,
  KeyRef,
  KeyState,
  MarkUpdate,
  StoredMark,
  VersionedKeyState,
} from '../../alerting/state-store.js';

export type StoreMethod = keyof AlertStateStore;

/**
 * An {@link AlertStateStore} that behaves like the shared DynamoDB table under
 * faults: any method can throw (throttling, a 5xx), and `put` can answer that
 * another writer got there first (a failed condition) a number of times.
 * Otherwise it delegates to an in-memory store.
 */
export class FaultyStore implements AlertStateStore {
  /** Throws this from the named method while set. */
  readonly failing = new Map<StoreMethod, () => Error>();
  /** Upcoming `put`s answered with a conflict. */
  conflicts = 0;
  readonly calls = new Map<StoreMethod, number>();

  constructor(readonly inner: AlertStateStore = new InMemoryAlertStateStore()) {}

  get(ref: KeyRef): Promise<VersionedKeyState | undefined> {
    return this.call('get', () => this.inner.get(ref));
  }

  put(ref: KeyRef, state: KeyState, expected: number, expiresAt: number) {
    return this.call('put', async () => {
      if (this.conflicts > 0) {
        this.conflicts -= 1;
        return undefined;
      }
      return this.inner.put(ref, state, expected, expiresAt);
    });
  }

  seen(fingerprints: readonly string[]): Promise<readonly boolean[]> {
    return this.call('seen', () => this.inner.seen(fingerprints));
  }

  markSeen(fingerprints: readonly string[], expiresAt: number): Promise<void> {
    return this.call('markSeen', () => this.inner.markSeen(fingerprints, expiresAt));
  }

  getMarks(ids: readonly string[]): Promise<readonly (StoredMark | undefined)[]> {
    return this.call('getMarks', () => this.inner.getMarks(ids));
  }

  putMarks(marks: readonly MarkUpdate[]): Promise<void> {
    return this.call('putMarks', () => this.inner.putMarks(marks));
  }

  expire(watermark: number): Promise<void> {
    return this.call('expire', () => this.inner.expire(watermark));
  }

  private async call<T>(method: StoreMethod, run: () => Promise<T>): Promise<T> {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const fault = this.failing.get(method);
    if (fault) throw fault();
    return run();
  }
}

/** What DynamoDB answers when a table's throughput is exceeded, after the SDK's retries. */
export function throttled(): Error {
  return Object.assign(
    new Error('The level of configured provisioned throughput for the table was exceeded.'),
    {
      name: 'ProvisionedThroughputExceededException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    },
  );
}
