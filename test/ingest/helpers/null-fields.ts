import type { z } from 'zod';
import { CloudTrailEventSchema } from '../../../ingest/cloudtrail-event.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';

interface Def {
  readonly type: string;
  readonly innerType?: Node;
  readonly element?: Node;
  readonly shape?: Readonly<Record<string, Node>>;
}
interface Node {
  readonly _zod: { readonly def: Def };
}

/**
 * Every optional field of the CloudTrail schema, as a path (`['userIdentity',
 * 'invokedBy']`; `0` for the first element of an array), read from the schema itself
 * so that a field added later is covered too.
 */
export function optionalFieldPaths(
  schema: z.ZodType = CloudTrailEventSchema,
): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (node: Node, prefix: (string | number)[]) => {
    const def = unwrap(node)._zod.def;
    if (def.type === 'array' && def.element) {
      walk(def.element, [...prefix, 0]);
      return;
    }
    if (def.type !== 'object' || def.shape === undefined) return;
    for (const [key, field] of Object.entries(def.shape)) {
      const path = [...prefix, key];
      if (field._zod.def.type === 'optional') paths.push(path);
      walk(field, path);
    }
  };
  walk(schema as unknown as Node, []);
  return paths;
}

function unwrap(node: Node): Node {
  let current = node;
  while (
    (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable') &&
    current._zod.def.innerType
  ) {
    current = current._zod.def.innerType;
  }
  return current;
}

/**
 * A successful StopLogging by an assumed role, with every object the schema types
 * present (session context, a resource), so a null can be put at any optional path.
 */
export function fullStopLogging(n: number): Record<string, unknown> {
  return cloudTrailEvent({
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    eventID: `stop-${n}`,
    userIdentity: identities.assumedRole('Admin', `session-${n}`),
    requestParameters: { name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` },
    resources: [
      {
        ARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`,
        accountId: ACCOUNT,
        type: 'AWS::CloudTrail::Trail',
      },
    ],
    vpcEndpointId: 'vpce-0123456789abcdef0',
    sharedEventID: 'f1a5c2b0-6a1e-4d67-9ad4-1d2a3b4c5d6e',
  }) as unknown as Record<string, unknown>;
}

/** A deep copy of `record` with `null` at `path`. */
export function withNullAt(
  record: Record<string, unknown>,
  path: readonly (string | number)[],
): Record<string, unknown> {
  const copy = structuredClone(record);
  let holder: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  holder[path[path.length - 1] as string | number] = null;
  return copy;
}
