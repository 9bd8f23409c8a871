import { z } from 'zod';
import { FILTER_PARAMS } from './params.js';

/**
 * Runbooks are data, checked by these schemas: a record that does not parse is a
 * test failure, never a broken page or alert at run time. Phases follow the NIST
 * SP 800-61 life cycle the AWS incident-response playbooks use.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Placeholders a step command may use as `{name}`. They are filled from alert
 * values that passed their allow-pattern, shell-quoted; anything else a reader
 * fills by hand is written `<LIKE_THIS>` and never substituted, except the incident
 * window `<START>`/`<END>`, filled when one is given (see placeholders.ts).
 */
export const STEP_PLACEHOLDERS = [...FILTER_PARAMS, 'userName', 'roleName'] as const;
export type StepPlaceholder = (typeof STEP_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** `{name}` placeholders in a command, in order. */
export function placeholdersOf(command: string): string[] {
  return [...command.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

export const QuerySchema = z.strictObject({
  id: z.string().regex(KEBAB),
  title: z.string().min(3),
  /** What question the query answers and how to read its rows. */
  description: z.string().min(10),
  /** Filter parameters the SQL uses besides the window (start, end). */
  params: z.array(z.enum(FILTER_PARAMS)),
  /** Trino-dialect SQL; `:name` marks a parameter (see sql/compile.ts). */
  sql: z.string().min(20),
});
export type Query = z.infer<typeof QuerySchema>;

export const StepSchema = z
  .strictObject({
    title: z.string().min(3),
    detail: z.string().optional(),
    /** AWS CLI (or trailwatch) command; `{name}` placeholders, `<MANUAL>` values. */
    command: z.string().optional(),
    /** Changes production: needs the incident lead's approval before running. */
    approval: z.boolean().optional(),
  })
  .refine(
    (step) =>
      placeholdersOf(step.command ?? '').every((p) =>
        (STEP_PLACEHOLDERS as readonly string[]).includes(p),
      ),
    { message: `command placeholders must be one of ${STEP_PLACEHOLDERS.join(', ')}` },
  );
export type Step = z.infer<typeof StepSchema>;

const steps = z.array(StepSchema).min(1);

export const PHASES = ['triage', 'contain', 'eradicate', 'recover', 'postIncident'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_TITLES: Readonly<Record<Phase, string>> = {
  triage: 'Triage',
  contain: 'Contain',
  eradicate: 'Eradicate',
  recover: 'Recover',
  postIncident: 'Post-incident',
};

export const RunbookSchema = z.strictObject({
  id: z.string().regex(KEBAB),
  title: z.string().min(3),
  summary: z.string().min(20),
  /** Ids of the detectors whose alerts point here. */
  detectors: z.array(z.string().regex(KEBAB)),
  /** When this incident is P1 (act now) through P4 (next business day). */
  severity: z.strictObject({
    P1: z.string().min(10),
    P2: z.string().min(10),
    P3: z.string().min(10),
    P4: z.string().min(10),
  }),
  phases: z.strictObject({
    triage: steps,
    contain: steps,
    eradicate: steps,
    recover: steps,
    postIncident: steps,
  }),
  queries: z.array(QuerySchema).min(2).max(5),
  references: z.array(z.url()).min(1),
});
export type Runbook = z.infer<typeof RunbookSchema>;
