import { asArray, asString, getPath } from '../helpers/fields.js';
import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { unusualInstanceType } from '../helpers/instance-type.js';
import { succeeded } from '../helpers/outcome.js';
import type { CloudTrailEvent, Detector } from '../types.js';

/** The type asked for, else the type launched (launch templates leave the request without one). */
function instanceTypeOf(event: CloudTrailEvent): string | undefined {
  const requested = asString(getPath(event.requestParameters, 'instanceType'));
  if (requested) return requested;
  for (const item of asArray(getPath(event.responseElements, 'instancesSet', 'items'))) {
    const launched = asString(getPath(item, 'instanceType'));
    if (launched) return launched;
  }
  return undefined;
}

/** GPU, accelerator, high-memory, bare-metal or 24xlarge-and-up instances launched. */
export const ec2UnusualInstanceType: Detector = {
  id: 'ec2-unusual-instance-type',
  title: 'EC2 instances of an unusual, costly type launched',
  severity: 'medium',
  description:
    'RunInstances launched, or tried to launch, an accelerated ' +
    '(p, g, inf, trn, dl, vt, f families), high-memory (x2, u-), bare-metal or 24xlarge-and-larger ' +
    'instance. Attackers with stolen keys launch these for crypto-mining or model training, ' +
    'running up large bills within hours. High when allowedRegions is set and the launch is ' +
    'outside it. A launch that failed, whether refused for lack of permission ' +
    '(UnauthorizedOperation: stolen credentials probing) or for vCPU quota or capacity, is ' +
    'reported as an attempt one level lower. The type is read from the request, or from the ' +
    'launched instances when a launch template supplied it. Benign causes: ML training and inference fleets, HPC and ' +
    'in-memory database teams, load tests.',
  attack: ['T1496', 'T1578.002'],
  references: [
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html',
    'https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html',
  ],
  runbook: 'credential-compromise',
  dedupWindowSeconds: 3600,
  // Any failure: a quota or capacity error on a GPU launch shows the intent as well as a denial.
  outcome: { attempts: true, failures: 'all' },
  listensTo: [{ eventSource: 'ec2.amazonaws.com', eventNames: ['RunInstances'] }],
  match(event, ctx) {
    if (!succeeded(event)) return undefined;
    const type = instanceTypeOf(event);
    const reason = unusualInstanceType(type);
    if (!type || !reason) return undefined;
    const region = event.awsRegion ?? 'an unknown region';
    const { allowedRegions } = ctx.settings;
    const outsideRegions = allowedRegions.length > 0 && !allowedRegions.includes(region);
    const instances = asArray(getPath(event.responseElements, 'instancesSet', 'items'))
      .map((item) => asString(getPath(item, 'instanceId')))
      .filter((id): id is string => id !== undefined);
    const what =
      instances.length > 0
        ? `launched ${instances.length} ${type} instance(s)`
        : `launched ${type} instance(s)`;
    return {
      summary: `${principalOf(event)} ${what} in ${region}${outsideRegions ? ', outside the allowed regions' : ''}`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|${region}`,
      resources: instances.slice(0, 20),
      severity: outsideRegions ? 'high' : undefined,
    };
  },
};
