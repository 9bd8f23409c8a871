import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AlertAggregator } from './alerting/aggregator.js';
import { accessDeniedBurst } from './detectors/account/access-denied-burst.js';
import type { Finding } from './detectors/types.js';
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const used = () => { gc(); gc(); const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
const n = Number(process.argv[2] ?? 40000);
const agg = new AlertAggregator({ limits: { maxKeys: 10_000_000, maxKeysPerDetector: 10_000_000 } });
const before = used();
for (let i = 0; i < n; i++) {
  const arn = `arn:aws:iam::111122223333:user/flood-${String(i).padStart(7, '0')}`;
  const event = JSON.parse(JSON.stringify({
    eventVersion: '1.10', userIdentity: { type: 'IAMUser', principalId: `AIDA${i}`, arn, accountId: '111122223333', userName: `flood-${i}` },
    eventTime: new Date(Date.UTC(2026, 10, 20, 10) + i * 50).toISOString(), eventSource: 'iam.amazonaws.com', eventName: 'ListRoles', awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.1', errorCode: 'AccessDenied', errorMessage: `User: ${arn} is not authorized to perform: iam:ListRoles`,
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, recipientAccountId: '111122223333',
  }));
  const draft = accessDeniedBurst.match(event, {} as never)!;
  const finding = { resources: [], ...draft, detector: accessDeniedBurst, severity: "medium", event } as unknown as Finding;
  await agg.add(finding);
}
const mid = used();
console.log(`${n} keys: ${((mid - before) / n).toFixed(0)} bytes/key`);
(globalThis as { keep?: unknown }).keep = agg;
if (process.argv[3]) { const { writeHeapSnapshot } = await import('node:v8'); console.log(writeHeapSnapshot(process.argv[3])); }
