/**
 * Lambda logs API names with an API-version suffix (`AddPermission20150331v2`,
 * `UpdateFunctionCode20150331v2`, `CreateFunction20150331`). Detectors list the
 * plain API name; this strips the suffix so both spellings match.
 */
const VERSION_SUFFIX = /20\d{6}(?:v\d+)?$/;

export function baseEventName(eventName: string): string {
  // Almost every name ends in a letter; skip the regex for them (hot path).
  const last = eventName.charCodeAt(eventName.length - 1);
  const endsInDigitOrV = (last >= 48 && last <= 57) || last === 118; /* 'v' */
  if (!endsInDigitOrV) return eventName;
  return eventName.replace(VERSION_SUFFIX, '');
}
