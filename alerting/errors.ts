/**
 * Another writer kept changing the aggregation state of one detector + dedup key
 * while this one tried to commit. Nothing of this batch was lost for that key: the
 * caller should report the batch as failed so it is delivered again.
 */
export class AlertStateConflictError extends Error {
  override readonly name = 'AlertStateConflictError';
  constructor(
    readonly detectorId: string,
    readonly dedupKey: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `alert state for detector ${detectorId} changed under us ${attempts} times in a row; ` +
        'retry the batch (its events are not marked as counted)',
      options,
    );
  }
}

/** The alert state store failed (read, write or expiry). Carries the store's error as `cause`. */
export class AlertStateStoreError extends Error {
  override readonly name = 'AlertStateStoreError';
  constructor(operation: string, options: { cause: unknown }) {
    super(
      `alert state store failed to ${operation}: ${String((options.cause as Error)?.message ?? options.cause)}; ` +
        'retry the batch',
      options,
    );
  }
}
