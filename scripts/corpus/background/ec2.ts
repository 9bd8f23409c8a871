import {
  assumedRole,
  awsPublicIp,
  serviceLinkedActor,
  ssoActor,
  USER_AGENTS,
  workloadActor,
} from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import type { CallBody, Template } from './template.js';

/** EC2: Describe calls from autoscaling, load balancers, the monitoring vendor and people. */

/** The monitoring vendor working inside our account through its read-only role. */
export function vendorSessionActor(ctx: Ctx): Actor {
  const role = ctx.account.crossAccountRole;
  return {
    identity: assumedRole(ctx, ctx.account, role, `collector-${ctx.rng.digits(10)}`),
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: USER_AGENTS.vendor,
    key: role.arn,
  };
}

function describer(ctx: Ctx): Actor {
  const r = ctx.rng.next();
  if (r < 0.35) return serviceLinkedActor(ctx);
  if (r < 0.6) return vendorSessionActor(ctx);
  if (r < 0.8) return ssoActor(ctx);
  return workloadActor(ctx);
}

function describe(params: (ctx: Ctx) => JsonObject) {
  return (ctx: Ctx): CallBody => ({
    actor: describer(ctx),
    requestParameters: params(ctx),
    responseElements: null,
    readOnly: true,
  });
}

const EC2_ERRORS = ['Client.UnauthorizedOperation', 'Client.RequestLimitExceeded'];

export const ec2Templates: readonly Template[] = [
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeInstances',
    weight: 3.7,
    errors: EC2_ERRORS,
    build: describe((ctx) =>
      ctx.rng.chance(0.5)
        ? {
            instancesSet: { items: [{ instanceId: pickIn(ctx, ctx.account.instances) }] },
            filterSet: {},
          }
        : {
            maxResults: 1000,
            instancesSet: {},
            filterSet: {
              items: [
                {
                  name: 'tag:aws:autoscaling:groupName',
                  valueSet: { items: [{ value: `${ctx.account.alias}-app-asg` }] },
                },
              ],
            },
          },
    ),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeSecurityGroups',
    weight: 0.8,
    errors: EC2_ERRORS,
    build: describe((ctx) => ({
      securityGroupSet: {},
      securityGroupIdSet: { items: [{ groupId: pickIn(ctx, ctx.account.securityGroups) }] },
      filterSet: {},
    })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeVolumes',
    weight: 0.5,
    errors: EC2_ERRORS,
    build: describe(() => ({ volumeSet: {}, filterSet: {} })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeSubnets',
    weight: 0.5,
    build: describe(() => ({ subnetSet: {}, filterSet: {} })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeVpcs',
    weight: 0.4,
    build: describe(() => ({ vpcSet: {}, filterSet: {} })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeNetworkInterfaces',
    weight: 0.6,
    errors: EC2_ERRORS,
    build: describe((ctx) => ({
      networkInterfaceIdSet: {},
      filterSet: {
        items: [{ name: 'vpc-id', valueSet: { items: [{ value: `vpc-0${ctx.rng.hex(16)}` }] } }],
      },
    })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeInstanceStatus',
    weight: 0.4,
    build: describe((ctx) => ({
      instancesSet: { items: [{ instanceId: pickIn(ctx, ctx.account.instances) }] },
      filterSet: {},
      includeAllInstances: false,
    })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeTags',
    weight: 0.3,
    build: describe((ctx) => ({
      filterSet: {
        items: [
          {
            name: 'resource-id',
            valueSet: { items: [{ value: pickIn(ctx, ctx.account.instances) }] },
          },
        ],
      },
    })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeImages',
    weight: 0.2,
    build: describe((ctx) => ({
      executableBySet: {},
      imagesSet: { items: [{ imageId: `ami-0${ctx.rng.hex(16)}` }] },
      ownersSet: {},
      filterSet: {},
    })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'DescribeRegions',
    weight: 0.2,
    build: describe(() => ({ regionSet: {}, allRegions: false })),
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'CreateTags',
    weight: 0.15,
    build(ctx) {
      const instance = pickIn(ctx, ctx.account.instances);
      return {
        actor: serviceLinkedActor(ctx, 'autoscaling.amazonaws.com'),
        requestParameters: {
          resourcesSet: { items: [{ resourceId: instance }] },
          tagSet: {
            items: [
              { key: 'aws:autoscaling:groupName', value: `${ctx.account.alias}-app-asg` },
              { key: 'Name', value: `${ctx.account.alias}-app` },
            ],
          },
        },
        responseElements: { requestId: ctx.rng.uuid(), _return: true },
        readOnly: false,
      };
    },
  },
  {
    source: 'ec2.amazonaws.com',
    name: 'TerminateInstances',
    weight: 0.03,
    build(ctx) {
      const instance = pickIn(ctx, ctx.account.instances);
      return {
        actor: serviceLinkedActor(ctx, 'autoscaling.amazonaws.com'),
        requestParameters: { instancesSet: { items: [{ instanceId: instance }] } },
        responseElements: {
          requestId: ctx.rng.uuid(),
          instancesSet: {
            items: [
              {
                instanceId: instance,
                currentState: { code: 32, name: 'shutting-down' },
                previousState: { code: 16, name: 'running' },
              },
            ],
          },
        },
        readOnly: false,
      };
    },
  },
];
