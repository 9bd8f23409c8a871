import type { Delivery, PipelineHarness } from '../hostile/harness.js';

export { listUsers, logGz, logKey, notification, stopLogging } from '../hostile/corpus/build.js';
export { PipelineHarness, sqsRecord } from '../hostile/harness.js';

export const STOPPED = 'cloudtrail-logging-stopped';
export const QUARANTINE = 'trailwatch-ingest-quarantine';

/** How many times SNS accepted each alert id (optionally of one detector). */
export function deliveriesById(
  deliveries: readonly Delivery[],
  detector?: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of deliveries) {
    if (detector !== undefined && d.alert.detector !== detector) continue;
    counts.set(d.alert.id, (counts.get(d.alert.id) ?? 0) + 1);
  }
  return counts;
}

/** Alert ids SNS accepted more than once. */
export function duplicates(deliveries: readonly Delivery[]): number {
  let n = 0;
  for (const count of deliveriesById(deliveries).values()) n += count - 1;
  return n;
}

/** Deliveries of one detector (StopLogging's by default) whose principal is this IAM user. */
export function deliveriesFor(
  harness: PipelineHarness,
  user: string,
  detector: string = STOPPED,
): Delivery[] {
  return harness.deliveries.filter(
    (d) => d.alert.detector === detector && d.alert.principal.endsWith(`:user/${user}`),
  );
}

/** An AWS SDK v3-shaped service error. */
export function awsError(name: string, status: number, message = name): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}
