import { baseEventName } from '../helpers/event-name.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { deepField } from '../helpers/request-values.js';
import type { Detector, Severity } from '../types.js';

/** What each call sets up, the identifier that names it, and how bad it is. */
const STEPS: ReadonlyMap<string, { what: string; keys: readonly string[]; severity: Severity }> =
  new Map([
    [
      'CreateTrafficMirrorSession',
      {
        what: 'a traffic mirror session copying packets from',
        keys: ['networkInterfaceId', 'trafficMirrorSessionId'],
        severity: 'high',
      },
    ],
    [
      'CreateTrafficMirrorTarget',
      {
        what: 'a traffic mirror target at',
        keys: [
          'networkInterfaceId',
          'networkLoadBalancerArn',
          'gatewayLoadBalancerEndpointId',
          'trafficMirrorTargetId',
        ],
        severity: 'medium',
      },
    ],
    [
      'CreateTrafficMirrorFilterRule',
      {
        what: 'a traffic mirror filter rule on',
        keys: ['trafficMirrorFilterId', 'trafficMirrorFilterRuleId'],
        severity: 'medium',
      },
    ],
  ]);

/** Traffic mirroring was set up: full packet copies of an interface go somewhere else. */
export const trafficMirroringCreated: Detector = {
  id: 'traffic-mirroring-created',
  title: 'VPC traffic mirroring set up',
  severity: 'high',
  description:
    'A traffic mirror session (high), target or filter rule (medium) was created. A session ' +
    'copies every packet of a network interface, payloads included, to a target that may sit ' +
    'in another VPC or account: a way to capture credentials and data in transit without ' +
    'touching the instance. A call refused for lack of permission is reported as an attempt ' +
    'one level lower. Benign causes: network monitoring and IDS appliances, ' +
    'troubleshooting by the network team.',
  attack: ['T1040', 'T1020'],
  references: [
    'https://docs.aws.amazon.com/vpc/latest/mirroring/what-is-traffic-mirroring.html',
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTrafficMirrorSession.html',
  ],
  runbook: 'network-exposure',
  dedupWindowSeconds: 3600,
  outcome: { attempts: true },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: [...STEPS.keys()] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const step = STEPS.get(baseEventName(event.eventName));
    if (!step) return undefined;
    // Newer EC2 APIs log their request wrapped in `<Action>Request`; look at any shallow depth.
    const target =
      deepField(event.requestParameters, step.keys, 3) ??
      deepField(event.responseElements, step.keys, 4) ??
      'an unknown resource';
    return {
      summary: `${principalOf(event)} created ${step.what} ${target}`,
      severity: step.severity,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|TrafficMirroring`,
      resources: [target],
    };
  },
};
