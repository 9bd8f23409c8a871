import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

/** RunInstances as EC2 logs it: the request's instancesSet, the launched instances in the response. */
const runInstances = (instanceType: string, overrides: Partial<CloudTrailEvent> = {}) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    userIdentity: identities.iamUser('build-bot'),
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 4, maxCount: 4 }] },
      instanceType,
      blockDeviceMapping: {},
      monitoring: { enabled: false },
      disableApiTermination: false,
      disableApiStop: false,
    },
    responseElements: {
      requestId: 'e8f0ab1b-7a4c-4c5e-9b5e-EXAMPLE',
      reservationId: 'r-0123456789abcdef0',
      ownerId: '111122223333',
      instancesSet: {
        items: [1, 2, 3, 4].map((n) => ({
          instanceId: `i-0aaaabbbbcccc000${n}`,
          imageId: 'ami-0abcdef1234567890',
          instanceType,
          instanceState: { code: 0, name: 'pending' },
        })),
      },
    },
    ...overrides,
  });

const fromTemplate = runInstances('g5.12xlarge');
const templateLaunch: CloudTrailEvent = {
  ...fromTemplate,
  requestParameters: {
    instancesSet: { items: [{ minCount: 1, maxCount: 1 }] },
    launchTemplate: { launchTemplateId: 'lt-0abcd1234ef567890', version: '3' },
  },
};

export const examples: DetectorExamples = {
  fire: [
    { name: 'four GPU instances', events: [runInstances('p4d.24xlarge')] },
    { name: 'GPU type from a launch template', events: [templateLaunch] },
    { name: 'very large general-purpose instance', events: [runInstances('m6i.32xlarge')] },
    { name: 'bare metal', events: [runInstances('c5.metal')] },
    {
      name: 'GPU launch refused for vCPU quota is still an attempt',
      events: [
        failed(
          runInstances('p5.48xlarge'),
          'VcpuLimitExceeded',
          'You have requested more vCPU capacity than your current vCPU limit of 0 allows',
        ),
      ],
    },
    {
      name: 'GPU launch denied by policy: stolen keys probing',
      events: [failed(runInstances('p4d.24xlarge'), 'Client.UnauthorizedOperation')],
    },
    {
      name: 'high when outside the allowed regions',
      events: [runInstances('g4dn.xlarge', { awsRegion: 'ap-southeast-3' })],
      settings: { allowedRegions: ['eu-west-1', 'us-east-1'] },
    },
  ],
  noFire: [
    { name: 'burstable micro instance', events: [runInstances('t3.micro')] },
    { name: 'Graviton general purpose', events: [runInstances('m7g.large')] },
    { name: 'large but below 24xlarge', events: [runInstances('c6gn.16xlarge')] },
    {
      name: 'micro instance launch denied',
      events: [failed(runInstances('t3.micro'), 'Client.UnauthorizedOperation')],
    },
    {
      name: 'same name from another source',
      events: [runInstances('p4d.24xlarge', { eventSource: 'autoscaling.amazonaws.com' })],
    },
    {
      name: 'no request or response to read',
      events: [runInstances('p4d.24xlarge', { requestParameters: null, responseElements: null })],
    },
  ],
};
