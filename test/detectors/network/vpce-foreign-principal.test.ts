import { describe, expect, it } from 'vitest';
import {
  deniedAtEndpoint,
  outsideCaller,
  vpceEvent,
} from '../../../detectors/examples/vpce-events.js';
import { vpceAccessDenied } from '../../../detectors/network/vpce-access-denied.js';
import { vpceForeignPrincipal } from '../../../detectors/network/vpce-foreign-principal.js';
import { detect } from '../../helpers/detect.js';
import { identities } from '../../helpers/events.js';

describe('Detectors: VPC endpoint network activity', () => {
  it('rates outside credentials that got through higher than those the policy refused', () => {
    const [allowed] = detect(vpceForeignPrincipal, vpceEvent({ userIdentity: outsideCaller() }));
    const [refused] = detect(
      vpceForeignPrincipal,
      deniedAtEndpoint(vpceEvent({ userIdentity: outsideCaller() })),
    );

    expect(allowed?.severity).toBe('high');
    expect(refused?.severity).toBe('medium');
    expect(allowed?.dedupKey).not.toBe(refused?.dedupKey);
  });

  it('reports each refusal once: outside callers under vpce-foreign-principal, own ones under vpce-access-denied', () => {
    const outside = deniedAtEndpoint(vpceEvent({ userIdentity: outsideCaller() }));
    const own = deniedAtEndpoint(vpceEvent({ userIdentity: identities.assumedRole('OrdersApp') }));

    expect(detect(vpceAccessDenied, outside)).toEqual([]);
    expect(detect(vpceForeignPrincipal, outside)).toHaveLength(1);
    expect(detect(vpceAccessDenied, own)).toHaveLength(1);
    expect(detect(vpceForeignPrincipal, own)).toEqual([]);
  });

  it('judges the caller against the endpoint owner, not only the account the event went to', () => {
    const event = vpceEvent({
      userIdentity: outsideCaller(),
      vpcEndpointAccountId: '444455556666',
    });
    expect(detect(vpceForeignPrincipal, event)).toEqual([]);
  });
});
