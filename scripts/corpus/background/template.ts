import type { Ctx } from '../context.js';
import type { Call } from '../record.js';

/** The parts of a call a template decides; the mixer adds source, name, account, region and time. */
export type CallBody = Omit<Call, 'source' | 'name' | 'account' | 'region' | 'time'>;

/** One kind of ordinary activity and how often it happens. */
export interface Template {
  readonly source: string;
  readonly name: string;
  /**
   * Relative frequency. The headline calls' weights are percentages of all events;
   * the mixer scales the rest so everything adds up to 100.
   */
  readonly weight: number;
  /** Logged only in the global region's files (IAM, Route 53, Organizations, S3 ListBuckets). */
  readonly global?: boolean;
  /** Only the organisation's management account makes this call. */
  readonly managementOnly?: boolean;
  /** Error codes this call fails with, now and then. */
  readonly errors?: readonly string[];
  /** Share of these calls that fail; defaults to the mixer's base rate. */
  readonly errorRate?: number;
  readonly build: (ctx: Ctx) => CallBody;
}
