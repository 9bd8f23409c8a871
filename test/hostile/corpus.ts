import { eventBridgePayloads } from './corpus/eventbridge.js';
import { hostileStrings } from './corpus/hostile-strings.js';
import { malformedObjects } from './corpus/malformed-objects.js';
import { oddFields } from './corpus/odd-fields.js';
import { oddKeys } from './corpus/odd-keys.js';
import { specialObjects } from './corpus/special-objects.js';
import type { HostileCase } from './corpus/types.js';

export * from './corpus/types.js';

/**
 * The hostile-input corpus: every case of every section, each built from code
 * (never a hand-edited blob) with the outcome the S3 path must reach.
 * `generate-corpus.ts` writes it to disk; the tests read it back from there.
 */
export function buildCorpus(): HostileCase[] {
  return [
    ...malformedObjects(),
    ...specialObjects(),
    ...oddKeys(),
    ...oddFields(),
    ...hostileStrings(),
    ...eventBridgePayloads(),
  ];
}
