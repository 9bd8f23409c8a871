import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const deleteConfig = cloudTrailEvent({
  eventSource: 'route53resolver.amazonaws.com',
  eventName: 'DeleteResolverQueryLogConfig',
  userIdentity: identities.iamUser('mallory'),
  requestParameters: { resolverQueryLogConfigId: 'rqlc-8ca61fe7c055415a' },
  responseElements: {
    resolverQueryLogConfig: {
      id: 'rqlc-8ca61fe7c055415a',
      status: 'DELETING',
      destinationArn: 'arn:aws:logs:us-east-1:111122223333:log-group:/dns/queries',
    },
  },
});

const disassociate = cloudTrailEvent({
  eventSource: 'route53resolver.amazonaws.com',
  eventName: 'DisassociateResolverQueryLogConfig',
  requestParameters: {
    resolverQueryLogConfigId: 'rqlc-8ca61fe7c055415a',
    resourceId: 'vpc-0a1b2c3d4e5f67890',
  },
});

export const examples: DetectorExamples = {
  fire: [
    { name: 'a query logging configuration is deleted', events: [deleteConfig] },
    { name: 'query logging is detached from a VPC', events: [disassociate] },
  ],
  noFire: [
    { name: 'a failed delete', events: [failed(deleteConfig, 'ResourceNotFoundException')] },
    {
      name: 'query logging is attached to a VPC',
      events: [{ ...disassociate, eventName: 'AssociateResolverQueryLogConfig' }],
    },
  ],
};
