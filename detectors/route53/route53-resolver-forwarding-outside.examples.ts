import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

/** CreateResolverRule as Route 53 Resolver logs it. */
const createRule = (domainName: string, targetIps: unknown) =>
  cloudTrailEvent({
    eventSource: 'route53resolver.amazonaws.com',
    eventName: 'CreateResolverRule',
    userIdentity: identities.assumedRole('NetworkAdmin', 'mallory'),
    requestParameters: {
      creatorRequestId: '2026-11-20-forward',
      name: 'forward-corp',
      ruleType: 'FORWARD',
      domainName,
      targetIps,
      resolverEndpointId: 'rslvr-out-0a1b2c3d4e5f67890',
    },
    responseElements: {
      resolverRule: {
        id: 'rslvr-rr-0a1b2c3d4e5f67890',
        domainName: `${domainName.replace(/\.$/, '')}.`,
        status: 'COMPLETE',
        ruleType: 'FORWARD',
      },
    },
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'an internal domain forwarded to an internet resolver',
      events: [createRule('corp.example.com', [{ ip: '203.0.113.53', port: 53 }])],
    },
    {
      name: 'every domain forwarded outside (high)',
      events: [
        createRule('.', [
          { ip: '10.0.0.2', port: 53 },
          { ip: '198.51.100.53', port: 53 },
        ]),
      ],
    },
    {
      name: 'an existing rule pointed outside',
      events: [
        cloudTrailEvent({
          eventSource: 'route53resolver.amazonaws.com',
          eventName: 'UpdateResolverRule',
          userIdentity: identities.iamUser('mallory'),
          requestParameters: {
            resolverRuleId: 'rslvr-rr-0a1b2c3d4e5f67890',
            config: { targetIps: { ip: '203.0.113.53', port: 53 } },
          },
          responseElements: {
            resolverRule: { id: 'rslvr-rr-0a1b2c3d4e5f67890', domainName: 'corp.example.com.' },
          },
        }),
      ],
    },
  ],
  noFire: [
    {
      name: 'forwarding to on-premises resolvers over VPN',
      events: [
        createRule('corp.example.com', [
          { ip: '10.20.0.53', port: 53 },
          { ip: '10.20.1.53', port: 53 },
        ]),
      ],
    },
    {
      name: 'refused',
      events: [
        failed(createRule('.', [{ ip: '203.0.113.53', port: 53 }]), 'AccessDeniedException'),
      ],
    },
  ],
};
