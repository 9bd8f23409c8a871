import { AlertAggregator } from './alerting/aggregator.js';
import { accessDeniedBurst } from './detectors/account/access-denied-burst.js';
import type { Finding } from './detectors/types.js';
const n = Number(process.argv[2] ?? 400000);
const distinct = Number(process.argv[3] ?? n);
const agg = new AlertAggregator();
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const who = i % distinct;
  const arn = `arn:aws:iam::111122223333:user/flood-${String(who).padStart(7, '0')}`;
  const event = {
    eventVersion: '1.10', userIdentity: { type: 'IAMUser', principalId: `AIDA${who}`, arn, accountId: '111122223333', userName: `flood-${who}` },
    eventTime: new Date(Date.UTC(2026, 10, 20, 10) + i * 60).toISOString(), eventSource: 'iam.amazonaws.com', eventName: 'ListRoles', awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.1', errorCode: 'AccessDenied', errorMessage: `User: ${arn} is not authorized`,
    eventID: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`, recipientAccountId: '111122223333',
  };
  const draft = accessDeniedBurst.match(event as never, {} as never)!;
  await agg.add({ resources: [], ...draft, detector: accessDeniedBurst, severity: 'medium', event } as unknown as Finding);
}
const r = await agg.flush();
console.log(`${n} findings, ${distinct} keys: ${(performance.now() - t0).toFixed(0)} ms`, JSON.stringify(r.stats.evicted), process.memoryUsage().rss >> 20, 'MiB rss');
