import { type ZodError, z } from 'zod';
import { CloudTrailEventSchema } from '../../ingest/cloudtrail-event.js';
import { RUNBOOKS } from '../../runbooks/catalog.js';
import { DetectorSettingsSchema } from '../settings.js';
import { type Detector, SEVERITIES } from '../types.js';

/**
 * The shape a user detector must have: the rules the built-in catalog test
 * applies to built-in detectors, checked at load time because user files are
 * not compiled with the project. Only validated: the loader keeps the author's
 * own object (and its `match`), so nothing here transforms values.
 */

const ExampleSchema = z.object({
  name: z.string().trim().min(1, 'needs a name'),
  // An example event must be one ingest would accept, or the example proves nothing.
  events: z.array(CloudTrailEventSchema).min(1, 'needs at least one event'),
  settings: DetectorSettingsSchema.partial().optional(),
});

/** `{ fire, noFire }`; a missing list counts as empty, and is reported as missing by test-detectors. */
export const DetectorExamplesSchema = z.object({
  fire: z.array(ExampleSchema).optional(),
  noFire: z.array(ExampleSchema).optional(),
});

const EventKeySchema = z.object({
  eventSource: z.string().trim().min(1, 'must name an event source, e.g. "iam.amazonaws.com"'),
  eventNames: z.union([
    z.literal('*'),
    z.array(z.string().trim().min(1)).min(1, 'must list at least one event name (or be "*")'),
  ]),
});

export const UserDetectorSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits, dashes'),
  title: z.string().trim().min(6, 'must be at least 6 characters'),
  severity: z.enum(SEVERITIES),
  description: z.string().trim().min(21, 'must say why it matters and the benign causes'),
  attack: z
    .array(z.string().regex(/^T\d{4}(\.\d{3})?$/, 'must be an ATT&CK technique id like T1078.004'))
    .min(1, 'must name at least one ATT&CK technique'),
  references: z.array(z.string()),
  runbook: z.string().refine((id) => RUNBOOKS.has(id), {
    error: () => `must be a runbook id: ${[...RUNBOOKS.keys()].join(', ')}`,
  }),
  dedupWindowSeconds: z.number().int().positive(),
  threshold: z
    .object({
      count: z.number().int().min(2, 'must be at least 2 (a count of 1 is no threshold)'),
      windowSeconds: z.number().int().positive(),
      distinct: z.boolean().optional(),
    })
    .optional(),
  firstSeen: z
    .object({
      learningDays: z.number().nonnegative(),
      forgetAfterDays: z.number().positive(),
    })
    .optional(),
  listensTo: z.array(EventKeySchema).min(1, 'must list at least one event source and names'),
  match: z.custom<Detector['match']>(
    (value) => typeof value === 'function',
    'must be a function (event, ctx) => FindingDraft | undefined',
  ),
  examples: DetectorExamplesSchema.optional(),
});

const MAX_ISSUES = 5;

/** A zod error as one line: `path: message; path: message` (first few issues). */
export function issuesText(error: ZodError): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - MAX_ISSUES;
  return more > 0 ? `${issues.join('; ')}; and ${more} more` : issues.join('; ');
}
