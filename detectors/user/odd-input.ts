import {
  type CloudTrailEvent,
  DEFAULT_SETTINGS,
  type Detector,
  type DetectorExamples,
} from '../types.js';

/** A detector threw on a damaged copy of one of its own example events. */
export interface OddInputCrash {
  /** The example the event came from. */
  readonly example: string;
  /** How the event was damaged. */
  readonly variant: string;
  readonly error: string;
}

type Damage = readonly [variant: string, damage: (e: CloudTrailEvent) => CloudTrailEvent];

function replaceValues(body: unknown, value: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  return Object.fromEntries(Object.keys(body).map((k) => [k, value]));
}

/**
 * CloudTrail fields are attacker-controlled and vary by API version, so a rule
 * tested only on well-formed events may still crash on real logs. These are the
 * usual surprises: bodies missing, and every field of a body of the wrong type.
 */
const DAMAGES: readonly Damage[] = [
  ['requestParameters null', (e) => ({ ...e, requestParameters: null })],
  ['responseElements null', (e) => ({ ...e, responseElements: null })],
  ['userIdentity null', (e) => ({ ...e, userIdentity: null })],
  ['additionalEventData null', (e) => ({ ...e, additionalEventData: null })],
  ...([42, ['x'], {}, null] as const).map(
    (value): Damage => [
      `every requestParameters field ${JSON.stringify(value)}`,
      (e) => ({ ...e, requestParameters: replaceValues(e.requestParameters, value) }),
    ],
  ),
  [
    'every responseElements field 42',
    (e) => ({ ...e, responseElements: replaceValues(e.responseElements, 42) }),
  ],
];

/**
 * Calls `match` on damaged copies of the detector's example events and lists
 * every throw. Matching is not judged: only that the detector survives.
 */
export function oddInputCrashes(detector: Detector, examples: DetectorExamples): OddInputCrash[] {
  const crashes: OddInputCrash[] = [];
  const cases = [...examples.fire, ...examples.noFire].flatMap((example) =>
    example.events.map((event) => ({
      example: example.name,
      event,
      ctx: { settings: { ...DEFAULT_SETTINGS, ...example.settings } },
    })),
  );
  for (const [variant, damage] of DAMAGES) {
    // The first crash of a variant is enough to point at the bug.
    for (const { example, event, ctx } of cases) {
      try {
        detector.match(damage(event), ctx);
      } catch (error) {
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        crashes.push({ example, variant, error: text });
        break;
      }
    }
  }
  return crashes;
}
