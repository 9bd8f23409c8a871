import { describe, expect, it } from 'vitest';
import { AlertAggregator } from '../../../alerting/aggregator.js';
import { cloudfrontWafRemoved } from '../../../detectors/cloudfront/cloudfront-waf-removed.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const update = (distributionConfig: unknown) =>
  cloudTrailEvent({
    eventSource: 'cloudfront.amazonaws.com',
    eventName: 'UpdateDistribution',
    requestParameters: { id: 'EDFDVBD6EXAMPLE', distributionConfig },
    responseElements: null,
  });

describe('Detector: cloudfront-waf-removed', () => {
  it('builds the distribution ARN when the response does not carry it', () => {
    const [finding] = detect(cloudfrontWafRemoved, update({ webACLId: '' }));
    expect(finding?.resources).toEqual([
      'arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE',
    ]);
    expect(finding?.severity).toBe('medium');
  });

  it('treats a blank WebACLId in any case as empty', () => {
    expect(detect(cloudfrontWafRemoved, update({ WebACLId: '  ' }))).toHaveLength(1);
  });

  it.each([[{ webACLId: null }], [{ webACLId: 0 }], ['not-an-object']])(
    'ignores a WebACLId that is not a string: %j',
    (config) => {
      expect(detect(cloudfrontWafRemoved, update(config))).toEqual([]);
    },
  );

  it('reports a distribution tenant losing its web ACL as high, named by its id', () => {
    const event = cloudTrailEvent({
      eventSource: 'cloudfront.amazonaws.com',
      eventName: 'DisassociateDistributionTenantWebACL',
      requestParameters: { id: 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB', ifMatch: 'E1PA6795UKMABC' },
    });
    const [finding] = detect(cloudfrontWafRemoved, event);
    expect(finding?.severity).toBe('high');
    expect(finding?.summary).toContain('distribution tenant dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB');
  });

  it('alerts once on a distribution newly seen without a web ACL, never on its routine updates', async () => {
    // Prepare: a distribution that never had WAF is updated daily; another loses its ACL on day 20
    const at = (day: number) =>
      new Date(Date.parse('2026-11-01T10:00:00Z') + day * 86_400_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    const updateOn = (day: number, id: string, webACLId: string) => ({
      ...update({ webACLId }),
      eventTime: at(day),
      requestParameters: { id, distributionConfig: { webACLId } },
    });
    const acl = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/edge/a1b2c3d4';
    const events = Array.from({ length: 30 }, (_, day) => [
      updateOn(day, 'ENOWAF000000', ''),
      updateOn(day, 'EWITHWAF0000', day >= 20 ? '' : acl),
    ]).flat();
    const aggregator = new AlertAggregator();

    // Act
    await aggregator.addAll(events.flatMap((event) => detect(cloudfrontWafRemoved, event)));
    const { alerts } = await aggregator.flush();

    // Assess
    expect(alerts.map((a) => a.summary)).toEqual([expect.stringContaining('EWITHWAF0000')]);
  });

  it('keeps the disassociate calls out of first-seen: they always alert', () => {
    const event = cloudTrailEvent({
      eventSource: 'cloudfront.amazonaws.com',
      eventName: 'DisassociateDistributionWebACL',
      requestParameters: { id: 'EDFDVBD6EXAMPLE', ifMatch: 'E1RTLUR9YES76O' },
    });
    expect(detect(cloudfrontWafRemoved, event)[0]?.firstSeenKey).toBeUndefined();
  });
});
