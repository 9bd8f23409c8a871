import { join } from 'node:path';
import {
  ATTACKER_IP,
  BRUTE_IP,
  BUCKET,
  CI_KEY,
  CI_USER_ARN,
  DEV,
  FUNCTION,
  PROD,
} from '../fixtures/runbooks/events.js';
import { FIXTURE_ROOT } from '../fixtures/runbooks/generate.js';

/** The fixture logs every golden test reads. */
export const FIXTURE_LOGS = join(FIXTURE_ROOT, 'logs');
export const CORRUPT_LOGS = join(FIXTURE_ROOT, 'corrupt');

/** The window of the story: the whole of 2024-05-14 from 08:00. */
export const WINDOW = { start: '2024-05-14T08:00:00Z', end: '2024-05-14T23:59:59Z' };

/** Parameters for every query: the attacker's principal, key, address and targets. */
export const STORY_PARAMS: Readonly<Record<string, string>> = {
  ...WINDOW,
  principal: CI_USER_ARN,
  accessKeyId: CI_KEY,
  sourceIp: ATTACKER_IP,
  bucket: BUCKET,
  functionName: FUNCTION,
  account: PROD,
  region: 'us-east-1',
};

/** Queries whose subject in the story is someone else than the attacker. */
export const PARAM_OVERRIDES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'root-activity': { account: DEV },
  'console-logins-from-ip': { sourceIp: BRUTE_IP },
};

export function paramsFor(queryId: string): Record<string, string> {
  return { ...STORY_PARAMS, ...(PARAM_OVERRIDES[queryId] ?? {}) };
}
