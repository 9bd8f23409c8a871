import { asArray, asString, getPath } from './fields.js';

/** What a Run Command call (SendCommand) was aimed at. */
export interface CommandTargets {
  /** Instance or managed-node ids named one by one, de-duplicated and sorted. */
  readonly instanceIds: readonly string[];
  /**
   * Selectors that reach an unknown number of nodes: `tag:Env=prod`,
   * `resource-groups:Name=web`, or `InstanceIds=*` (every node).
   */
  readonly selectors: readonly string[];
}

/** SendCommand accepts at most 50 instance ids and 5 targets; more is not a real request. */
const MAX_ITEMS = 64;

function strings(value: unknown): string[] {
  return asArray(value)
    .slice(0, MAX_ITEMS)
    .map(asString)
    .filter((v): v is string => v !== undefined && v.trim() !== '')
    .map((v) => v.trim());
}

/**
 * Reads `requestParameters.instanceIds` and `requestParameters.targets[]`
 * (`{key, values}`) of a SendCommand record. A `targets` entry with key
 * `InstanceIds` names instances like `instanceIds` does, unless its value is
 * `*`. Never throws; empty lists for `requestParameters: null`.
 */
export function commandTargets(requestParameters: unknown): CommandTargets {
  const instances = new Set(strings(getPath(requestParameters, 'instanceIds')));
  const selectors: string[] = [];
  for (const target of asArray(getPath(requestParameters, 'targets')).slice(0, MAX_ITEMS)) {
    const key = asString(getPath(target, 'key'))?.trim();
    const values = strings(getPath(target, 'values'));
    if (!key || values.length === 0) continue;
    if (key.toLowerCase() === 'instanceids' && !values.includes('*')) {
      for (const id of values) instances.add(id);
    } else {
      selectors.push(`${key}=${values.join(',')}`);
    }
  }
  return { instanceIds: [...instances].sort(), selectors };
}
