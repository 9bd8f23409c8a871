import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** UpdateClusterConfig with the logging setups given; EKS answers with a LoggingUpdate. */
export const updateLogging = (clusterLogging: unknown, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'eks.amazonaws.com',
    eventName: 'UpdateClusterConfig',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters: {
      name: 'prod-cluster',
      logging: { clusterLogging },
      clientRequestToken: '1f3c2b7e-5d0a-4e8f-9b6c-2a1d0e9f8c7b',
    },
    responseElements: {
      update: {
        id: 'b5f0ba18-9a87-4450-b5a0-825e6e84496f',
        status: 'InProgress',
        type: 'LoggingUpdate',
        params: [{ type: 'ClusterLogging', value: JSON.stringify({ clusterLogging }) }],
        createdAt: 1763632800,
        errors: [],
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'audit and authenticator logs off (high)',
      events: [updateLogging([{ types: ['audit', 'authenticator'], enabled: false }])],
    },
    {
      name: 'api logs off, audit kept on (medium)',
      events: [
        updateLogging([
          { types: ['audit'], enabled: true },
          { types: ['api'], enabled: false },
        ]),
      ],
    },
    {
      name: 'a denied change (an attempt)',
      events: [
        failed(updateLogging([{ types: ['audit'], enabled: false }]), 'AccessDeniedException'),
      ],
    },
  ],
  noFire: [
    {
      name: 'every log type turned on',
      events: [
        updateLogging([
          {
            types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
            enabled: true,
          },
        ]),
      ],
    },
    {
      name: 'an endpoint access change',
      events: [
        updateLogging(undefined, {
          requestParameters: {
            name: 'prod-cluster',
            resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true },
          },
        }),
      ],
    },
    {
      name: 'the cluster is being updated already',
      events: [
        failed(updateLogging([{ types: ['audit'], enabled: false }]), 'ResourceInUseException'),
      ],
    },
  ],
};
