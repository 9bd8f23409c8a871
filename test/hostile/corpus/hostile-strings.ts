import type { CloudTrailEvent } from '../../../ingest/cloudtrail-event.js';
import { ACCOUNT, cloudTrailEvent, identities } from '../../helpers/events.js';
import { caseList, logGz, objectInput, stopLogging } from './build.js';
import { type HostileCase, STOPPED } from './types.js';

export const HOSTILE_STRINGS = {
  E1: 'trail\n2026-11-20T10:00:00Z INFO all clear, alert closed\r\nsecond line',
  E2: '\u001b[31mRED\u001b[0m \u001b]8;;https://evil.example\u0007Click me\u001b]8;;\u0007',
  E3: '<!channel> <!here> <@U123> <http://evil.example|Click> *bold* _it_ ~x~ `code`',
  E4: '<script>alert(1)</script><img src=x onerror=alert(1)> [login](https://evil.example)',
  E5: 'invoice\u202Egpj.exe zero\u200Bwidth a\u2028b\u2029c',
  E6: 'x","severity":"low","summary":"nothing to see","y":"',
  E8: "x' OR 1=1 -- '; DROP TABLE cloudtrail_logs; -- %_\\'",
  E9: '../../%00BUCKET-Name-'.padEnd(300, 'x'),
  E10: 'User: arn:aws:iam::111122223333:user/x is not authorized\nFAKE: <!channel>',
} as const;

/** StopLogging whose trail name, user name and user agent carry a hostile string. */
function hostileStop(catalogId: keyof typeof HOSTILE_STRINGS | 'E7'): CloudTrailEvent {
  const text = catalogId === 'E7' ? 'L'.repeat(300_000) : HOSTILE_STRINGS[catalogId];
  return stopLogging(`case-${catalogId} ${text.slice(0, 2000)}`, {
    requestParameters: {
      name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${catalogId}-${text}`,
    },
    userAgent: catalogId === 'E7' ? 'Mozilla/5.0 '.repeat(5462) : `agent ${text}`,
    sourceIPAddress: '203.0.113.10',
  });
}

/** Builds every case. Deterministic apart from event ids and request ids. */

/** Catalog §E: attacker-controlled strings in alerting events. */
export function hostileStrings(): HostileCase[] {
  const { cases, add } = caseList();
  for (const id of ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10'] as const) {
    add({
      id: `${id}-hostile-strings`,
      catalog: id === 'E3' ? ['E3'] : id === 'E4' ? ['E4'] : [id],
      title: `alerting event carrying ${id === 'E7' ? 'a 300 KB trail name and a 64 KB user agent' : JSON.stringify(HOSTILE_STRINGS[id])}`,
      input: objectInput(`${id}-hostile-strings`, logGz([hostileStop(id)])),
      expect: { outcome: 'P', events: 1, alerts: { [STOPPED]: 1 } },
    });
  }
  const sessions = Array.from({ length: 25 }, (_, i) =>
    stopLogging('x', {
      userIdentity: identities.assumedRole('Deployer', `session-${i}-${'z'.repeat(i)}`),
    }),
  );
  add({
    id: 'E11-dedup-evasion',
    catalog: ['E11'],
    title: 'the same role stops logging from 25 session names (one alert, not 25)',
    input: objectInput('E11-dedup-evasion', logGz(sessions)),
    expect: { outcome: 'P', events: 25, alerts: { [STOPPED]: 1 } },
  });
  const redos = `${'a'.repeat(50_000)}!`;
  add({
    id: 'E13-redos-payload',
    catalog: ['E13'],
    title: 'every string field 50,000 characters (regex backtracking bait)',
    input: objectInput(
      'E13-redos-payload',
      logGz([
        cloudTrailEvent({
          eventSource: redos,
          eventName: redos,
          userAgent: redos,
          sourceIPAddress: redos,
          awsRegion: redos,
          userIdentity: { type: redos, arn: redos, userName: redos, principalId: redos },
          requestParameters: { name: redos, bucketName: redos, policy: redos },
          errorCode: redos,
        }),
      ]),
    ),
    expect: { outcome: 'P', events: 1 },
  });

  return cases;
}
