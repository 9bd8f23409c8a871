import { z } from 'zod';
import { DetectorSettingsSchema } from '../../detectors/settings.js';
import { type DetectorMeta, SEVERITIES } from '../../detectors/types.js';
import { parseAddressOrCidr } from './address-set.js';
import { matchesEverything } from './glob.js';
import type { DetectorOverride, Suppression, TrailwatchConfig } from './types.js';

/** Longest window an override may set: state is kept this long per key. */
export const MAX_WINDOW_SECONDS = 30 * 24 * 3600;
/** Most suppressions one config may hold: each is checked against every finding. */
export const MAX_SUPPRESSIONS = 1000;
/** Most entries in one suppression list. */
export const MAX_LIST_ENTRIES = 1000;
const MAX_PATTERN_CHARS = 2048;
const DAY_MS = 24 * 3600 * 1000;

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'required' : `must be ${what}`;

/** YAML users write `accounts: 111122223333` for a list of one: accept it. */
function list<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z
      .array(item, { error: required('a list') })
      .min(1, 'must not be empty (leave the key out instead)')
      .max(MAX_LIST_ENTRIES, `must have at most ${MAX_LIST_ENTRIES} entries`),
  );
}

const Glob = z
  .string({ error: required('a string') })
  .min(1, 'must not be empty')
  .max(MAX_PATTERN_CHARS, `must be at most ${MAX_PATTERN_CHARS} characters`)
  .refine(
    (p) => !matchesEverything(p),
    'a pattern of only "*" matches everything: leave the key out',
  );

const AccountId = z
  .string({ error: required('a 12-digit account id in quotes') })
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

const AddressOrCidr = z
  .string({ error: required('an IP address or CIDR range') })
  .refine((s) => parseAddressOrCidr(s) !== undefined, 'must be an IPv4/IPv6 address or CIDR range');

const Expires = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (2026-06-30) or a date-time with a zone (2026-06-30T18:00:00Z)',
});

const Threshold = z.strictObject({
  count: z
    .int({ error: required('a whole number') })
    .min(1)
    .max(1_000_000)
    .optional(),
  windowSeconds: z
    .int({ error: required('a whole number of seconds') })
    .min(1)
    .max(MAX_WINDOW_SECONDS)
    .optional(),
});

const Override = z.strictObject(
  {
    enabled: z.boolean({ error: required('true or false') }).optional(),
    severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional(),
    dedupWindowSeconds: z
      .int({ error: required('a whole number of seconds') })
      .min(1)
      .max(MAX_WINDOW_SECONDS)
      .optional(),
    threshold: Threshold.optional(),
  },
  { error: required('a mapping') },
);

const SuppressionFields = z.strictObject(
  {
    id: z
      .string({ error: required('a string') })
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"')
      .optional(),
    reason: z
      .string({ error: required('a string: why this is expected') })
      .trim()
      .min(1, 'must say why these findings are expected')
      .max(1000),
    expires: Expires.optional(),
    detectors: z
      .union([z.literal('*'), list(z.string({ error: required('a detector id') }))], {
        error: 'must be "*" or a list of detector ids',
      })
      .optional(),
    accounts: list(AccountId).optional(),
    principals: list(Glob).optional(),
    sourceIps: list(AddressOrCidr).optional(),
    userAgents: list(Glob).optional(),
    resources: list(Glob).optional(),
  },
  { error: required('a mapping') },
);
type SuppressionInput = z.output<typeof SuppressionFields>;

/** The fields that narrow a suppression to particular activity. */
const NARROWING = ['accounts', 'principals', 'sourceIps', 'userAgents', 'resources'] as const;

/**
 * The config file's schema, checked against a detector catalog (built-ins plus
 * user detectors) so an unknown detector id is an error, not a silent no-op.
 * Every object is strict: an unknown key is an error naming it.
 */
export function configSchema(catalog: readonly DetectorMeta[]) {
  const byId = new Map(catalog.map((d) => [d.id, d]));
  const DetectorId = z.string().refine((id) => byId.has(id), {
    error: (issue) => unknownId(String(issue.input), byId),
  });

  const detectors = z
    .record(DetectorId, Override, { error: required('a mapping of detector ids') })
    .superRefine((overrides, ctx) => {
      for (const [id, override] of Object.entries(overrides)) {
        const t = override.threshold;
        if (
          t &&
          !byId.get(id)?.threshold &&
          (t.count === undefined || t.windowSeconds === undefined)
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [id, 'threshold'],
            message: `${id} has no threshold of its own: give both count and windowSeconds`,
          });
        }
      }
    });

  const suppression = SuppressionFields.superRefine((s, ctx) => {
    if (!NARROWING.some((k) => s[k] !== undefined) && !Array.isArray(s.detectors)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `matches every finding: give detector ids or at least one of ${NARROWING.join(', ')}`,
      });
    }
    if (Array.isArray(s.detectors)) {
      s.detectors.forEach((id, j) => {
        if (!byId.has(id)) {
          ctx.addIssue({ code: 'custom', path: ['detectors', j], message: unknownId(id, byId) });
        }
      });
    }
  });

  const suppressions = z
    .array(suppression, { error: required('a list') })
    .max(MAX_SUPPRESSIONS, `must have at most ${MAX_SUPPRESSIONS} entries`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        const id = suppressionId(s, i);
        if (seen.has(id)) {
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${quote(id)}` });
        }
        seen.add(id);
      });
    });

  return z
    .strictObject(
      {
        version: z.literal(1, { error: 'must be 1 (the only config format so far)' }).optional(),
        settings: DetectorSettingsSchema.prefault({}),
        detectors: detectors.prefault({}),
        suppressions: suppressions.prefault([]),
        awsIpRangesFile: z
          .string({ error: required('the path of an ip-ranges.json file') })
          .trim()
          .min(1, 'must not be empty (leave the key out instead)')
          .max(4096)
          .optional(),
      },
      { error: required('a mapping') },
    )
    .transform(
      (config): TrailwatchConfig => ({
        settings: config.settings,
        detectors: new Map<string, DetectorOverride>(Object.entries(config.detectors)),
        suppressions: config.suppressions.map(toSuppression),
        ...(config.awsIpRangesFile === undefined
          ? {}
          : { awsIpRangesFile: config.awsIpRangesFile }),
      }),
    );
}

function suppressionId(s: SuppressionInput, index: number): string {
  return s.id ?? `suppression-${index + 1}`;
}

function toSuppression(s: SuppressionInput, index: number): Suppression {
  const { id: _id, detectors, ...rest } = s;
  return {
    ...rest,
    id: suppressionId(s, index),
    detectors: detectors ?? '*',
    ...(s.expires === undefined ? {} : { expiresAt: expiryOf(s.expires) }),
  };
}

/** A bare date keeps the rule active through that whole day (UTC). */
function expiryOf(expires: string): number {
  const time = Date.parse(expires);
  return /^\d{4}-\d{2}-\d{2}$/.test(expires) ? time + DAY_MS : time;
}

function unknownId(id: string, byId: ReadonlyMap<string, DetectorMeta>): string {
  const near = [...byId.keys()].filter((k) => isNear(id, k)).slice(0, 3);
  const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
  return `unknown detector ${quote(id)}${hint}; \`trailwatch detectors\` lists the ids`;
}

/** Config text in a message: escaped and short, whatever the file held. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);
}

/** A likely typo: within 3 edits, or one id containing the other. Bounded: ids are short. */
function isNear(typed: string, id: string): boolean {
  if (typed.length > 100) return false;
  if (typed.length >= 6 && (id.includes(typed) || typed.includes(id))) return true;
  if (Math.abs(typed.length - id.length) > 3) return false;
  let previous = Array.from({ length: id.length + 1 }, (_, j) => j);
  for (let i = 1; i <= typed.length; i++) {
    const current = [i];
    for (let j = 1; j <= id.length; j++) {
      const cost = typed[i - 1] === id[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return (previous[id.length] ?? Number.POSITIVE_INFINITY) <= 3;
}
