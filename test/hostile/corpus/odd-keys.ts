import { ACCOUNT } from '../../helpers/events.js';
import {
  caseList,
  digestBody,
  digestKey,
  formEncode,
  listUsers,
  logGz,
  logKey,
  notification,
  objectInput,
} from './build.js';
import type { HostileCase } from './types.js';

/** Catalog §C: object keys as S3 notifications encode them, odd and hostile. */
export function oddKeys(): HostileCase[] {
  const { cases, add } = caseList();
  const c1 = logKey('C1-a+b c%');
  add({
    id: 'C1-plus-space-percent',
    catalog: ['C1'],
    title: 'key with +, space and % (notified as a%2Bb+c%25)',
    input: { kind: 'message', body: notification([c1]), objects: { [c1]: logGz([listUsers()]) } },
    expect: { outcome: 'P', events: 1, fetched: [c1] },
  });
  const c2 = logKey('C2', 'us-east-1', 'logs/✓/été/😀/');
  add({
    id: 'C2-unicode-prefix',
    catalog: ['C2'],
    title: 'custom prefix with ✓, é and an emoji',
    input: { kind: 'message', body: notification([c2]), objects: { [c2]: logGz([listUsers()]) } },
    expect: { outcome: 'P', events: 1, fetched: [c2] },
  });
  const c3good = logKey('C3-good');
  add({
    id: 'C3-malformed-escape',
    catalog: ['C3'],
    title: 'one record with a malformed %-escape, one good record, in one message',
    input: {
      kind: 'message',
      body: notification(['AWSLogs/bad%E0%A4%A.json.gz', c3good], {
        encode: (key) => (key.includes('%') ? key : formEncode(key)),
      }),
      objects: { [c3good]: logGz([listUsers(), listUsers()]) },
    },
    expect: { outcome: 'Q', events: 2, codes: ['invalid-notification'], fetched: [c3good] },
  });
  const c4 = logKey('C4', 'eu-west-1', 'foo/AWSLogs/bar/');
  const c4digest = `foo/AWSLogs/bar/${digestKey()}`;
  add({
    id: 'C4-custom-prefix-org-path',
    catalog: ['C4'],
    title: 'org path under a prefix that itself contains AWSLogs, plus a digest there',
    input: {
      kind: 'message',
      body: notification([c4, c4digest]),
      objects: { [c4]: logGz([listUsers()]), [c4digest]: digestBody() },
    },
    expect: { outcome: 'P', events: 1, fetched: [c4] },
  });
  const c5 = `AWSLogs//${ACCOUNT}/CloudTrail/../us-east-1/2026\\11\\20/${ACCOUNT}_CloudTrail_us-east-1_20261120T1000Z_C5.json.gz`;
  add({
    id: 'C5-slashes-dots-backslashes',
    catalog: ['C5'],
    title: 'key with //, .. and backslashes (an opaque string, never a path)',
    input: { kind: 'message', body: notification([c5]), objects: { [c5]: logGz([listUsers()]) } },
    expect: { outcome: 'P', events: 1, fetched: [c5] },
  });
  const longKey = logKey(`C5-${'é'.repeat(400)}`);
  add({
    id: 'C5-long-key',
    catalog: ['C5'],
    title: 'key near 1,024 bytes of UTF-8',
    input: {
      kind: 'message',
      body: notification([longKey]),
      objects: { [longKey]: logGz([listUsers()]) },
    },
    expect: { outcome: 'P', events: 1, fetched: [longKey] },
  });
  for (const region of ['us-gov-west-1', 'cn-north-1']) {
    add({
      id: `C7-partition-${region}`,
      catalog: ['C7'],
      title: `log file of ${region}`,
      input: objectInput(
        `C7-partition-${region}`,
        logGz([listUsers({ awsRegion: region })]),
        logKey(`C7-${region}`, region),
      ),
      expect: { outcome: 'P', events: 1 },
    });
  }

  return cases;
}
