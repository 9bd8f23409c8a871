/**
 * Whether a parsed JSON value nests deeper than `max` levels (an object or array is
 * one level; scalars add none). Stops as soon as the limit is passed, so the walk is
 * bounded by `max` frames whatever the input.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  return typeof value === 'object' && value !== null && tooDeep(value, max);
}

function tooDeep(value: object, levelsLeft: number): boolean {
  if (levelsLeft <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null && tooDeep(child, levelsLeft - 1))
        return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const child = record[key];
    if (typeof child === 'object' && child !== null && tooDeep(child, levelsLeft - 1)) return true;
  }
  return false;
}
