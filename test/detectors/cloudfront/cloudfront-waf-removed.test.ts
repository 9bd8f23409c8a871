import { describe, expect, it } from 'vitest';
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
});
