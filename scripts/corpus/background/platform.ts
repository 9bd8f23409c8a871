import {
  ciActor,
  instanceActor,
  irsaActor,
  lambdaActor,
  serviceActor,
  serviceLinkedActor,
  ssoActor,
  taskActor,
  workloadActor,
} from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import { vendorSessionActor } from './ec2.js';
import type { CallBody, Template } from './template.js';

/** The rest of a typical platform: parameters, secrets, tables, images, load balancers, stacks, DNS. */

function call(
  source: string,
  name: string,
  weight: number,
  actor: (ctx: Ctx) => Actor,
  params: (ctx: Ctx) => JsonObject | null,
  extra: Partial<Template> & { response?: (ctx: Ctx) => JsonObject | null; write?: boolean } = {},
): Template {
  const { response, write, ...rest } = extra;
  return {
    source,
    name,
    weight,
    ...rest,
    build(ctx): CallBody {
      return {
        actor: actor(ctx),
        requestParameters: params(ctx),
        responseElements: response ? response(ctx) : null,
        readOnly: !write,
      };
    },
  };
}

const app = (ctx: Ctx): Actor => (ctx.rng.chance(0.6) ? lambdaActor(ctx) : taskActor(ctx));
const anyone = workloadActor;
const people = (ctx: Ctx): Actor => ssoActor(ctx);
const scanner = (ctx: Ctx): Actor =>
  ctx.rng.chance(0.5) ? serviceLinkedActor(ctx, 'config.amazonaws.com') : vendorSessionActor(ctx);
const parameter = (ctx: Ctx) =>
  `/${ctx.account.alias}/${ctx.rng.pick(['orders', 'payments', 'web'])}/${ctx.rng.pick(['db-host', 'feature-flags', 'api-url', 'log-level'])}`;
const secretArn = (ctx: Ctx) =>
  `arn:aws:secretsmanager:${ctx.region}:${ctx.account.id}:secret:${ctx.rng.pick(['prod/orders-db', 'prod/stripe-api', 'shared/datadog'])}-${ctx.rng.alnum(6)}`;
const tableArn = (ctx: Ctx) =>
  `arn:aws:dynamodb:${ctx.region}:${ctx.account.id}:table/${pickIn(ctx, ctx.account.tables)}`;
const targetGroup = (ctx: Ctx) =>
  `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account.id}:targetgroup/${ctx.account.alias}-app/${ctx.rng.hex(16)}`;
const stackName = (ctx: Ctx) =>
  ctx.rng.pick([
    `${ctx.account.alias}-network`,
    `${ctx.account.alias}-app`,
    'StackSet-org-baseline',
  ]);
/** `us-east-1` -> `use1`, the prefix of availability zone ids. */
const azPrefix = (region: string) => {
  const [geo = '', direction = '', n = ''] = region.split('-');
  return `${geo}${direction.charAt(0)}${n}`;
};
const zoneId = (ctx: Ctx) =>
  `Z0${ctx.account.id.slice(0, 6)}${ctx.rng.pick(['ABCDEF1234', 'QWERTY5678'])}`;

export const platformTemplates: readonly Template[] = [
  call(
    'ssm.amazonaws.com',
    'GetParameter',
    0.9,
    app,
    (ctx) => ({ name: parameter(ctx), withDecryption: true }),
    {
      errors: ['ParameterNotFound', 'ThrottlingException'],
    },
  ),
  call('ssm.amazonaws.com', 'GetParameters', 0.4, app, (ctx) => ({
    names: [parameter(ctx), parameter(ctx)],
    withDecryption: true,
  })),
  call('ssm.amazonaws.com', 'GetParametersByPath', 0.3, app, (ctx) => ({
    path: `/${ctx.account.alias}/`,
    recursive: true,
    withDecryption: true,
  })),
  call(
    'ssm.amazonaws.com',
    'UpdateInstanceInformation',
    0.9,
    (ctx) => instanceActor(ctx),
    (ctx) => ({
      instanceId: pickIn(ctx, ctx.account.instances),
      agentVersion: '3.3.1142.0',
      agentStatus: 'Active',
      platformType: 'Linux',
      platformName: 'Amazon Linux',
      platformVersion: '2023',
      iPAddress: `10.${ctx.rng.int(0, 31)}.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`,
      computerName: `ip-10-0-${ctx.rng.int(0, 255)}-${ctx.rng.int(1, 254)}.${ctx.region}.compute.internal`,
      agentName: 'amazon-ssm-agent',
      availabilityZone: `${ctx.region}${ctx.rng.pick(['a', 'b', 'c'])}`,
      availabilityZoneId: `${azPrefix(ctx.region)}-az${ctx.rng.int(1, 6)}`,
      sSMConnectionChannel: 'ssmmessages',
    }),
    { write: true },
  ),
  call(
    'ssm.amazonaws.com',
    'ListInstanceAssociations',
    0.5,
    (ctx) => instanceActor(ctx),
    (ctx) => ({
      instanceId: pickIn(ctx, ctx.account.instances),
      maxResults: 50,
    }),
  ),
  call('ssm.amazonaws.com', 'DescribeInstanceInformation', 0.15, people, () => ({
    maxResults: 50,
  })),
  call(
    'secretsmanager.amazonaws.com',
    'GetSecretValue',
    0.7,
    app,
    (ctx) => ({ secretId: secretArn(ctx) }),
    {
      errors: ['AccessDeniedException', 'ResourceNotFoundException'],
    },
  ),
  call('secretsmanager.amazonaws.com', 'DescribeSecret', 0.15, scanner, (ctx) => ({
    secretId: secretArn(ctx),
  })),
  call('dynamodb.amazonaws.com', 'DescribeTable', 0.5, app, (ctx) => ({
    tableName: pickIn(ctx, ctx.account.tables),
  })),
  call('dynamodb.amazonaws.com', 'ListTables', 0.12, scanner, () => null),
  call('dynamodb.amazonaws.com', 'DescribeContinuousBackups', 0.05, scanner, (ctx) => ({
    tableName: tableArn(ctx),
  })),
  call(
    'ecr.amazonaws.com',
    'GetAuthorizationToken',
    0.5,
    (ctx) => (ctx.rng.chance(0.5) ? instanceActor(ctx) : ciActor(ctx)),
    () => ({ registryIds: [] }),
  ),
  call(
    'ecr.amazonaws.com',
    'BatchGetImage',
    0.3,
    (ctx) => serviceActor(ctx.rng.pick(['ecs-tasks.amazonaws.com', 'eks.amazonaws.com'])),
    (ctx) => ({
      registryId: ctx.account.id,
      repositoryName: `${ctx.account.alias}/orders-service`,
      imageIds: [{ imageTag: `v1.${ctx.rng.int(0, 40)}.${ctx.rng.int(0, 9)}` }],
      acceptedMediaTypes: [
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
      ],
    }),
  ),
  call(
    'ecr.amazonaws.com',
    'GetDownloadUrlForLayer',
    0.35,
    (ctx) => serviceActor(ctx.rng.pick(['ecs-tasks.amazonaws.com', 'eks.amazonaws.com'])),
    (ctx) => ({
      registryId: ctx.account.id,
      repositoryName: `${ctx.account.alias}/orders-service`,
      layerDigest: `sha256:${ctx.rng.hex(64)}`,
    }),
  ),
  call(
    'elasticloadbalancing.amazonaws.com',
    'DescribeTargetHealth',
    0.4,
    (ctx) => serviceLinkedActor(ctx, 'autoscaling.amazonaws.com'),
    (ctx) => ({ targetGroupArn: targetGroup(ctx) }),
  ),
  call('elasticloadbalancing.amazonaws.com', 'DescribeLoadBalancers', 0.15, scanner, () => ({
    pageSize: 400,
  })),
  call('elasticloadbalancing.amazonaws.com', 'DescribeTargetGroups', 0.15, scanner, () => ({
    pageSize: 400,
  })),
  call(
    'autoscaling.amazonaws.com',
    'DescribeAutoScalingGroups',
    0.25,
    (ctx) => (ctx.rng.chance(0.5) ? irsaActor(ctx) : scanner(ctx)),
    (ctx) => ({
      autoScalingGroupNames: [`${ctx.account.alias}-app-asg`],
    }),
  ),
  call(
    'cloudformation.amazonaws.com',
    'DescribeStacks',
    0.25,
    (ctx) => (ctx.rng.chance(0.5) ? ciActor(ctx) : people(ctx)),
    (ctx) => ({ stackName: stackName(ctx) }),
    {
      errors: ['ValidationError'],
    },
  ),
  call('cloudformation.amazonaws.com', 'DescribeStackEvents', 0.15, ciActor, (ctx) => ({
    stackName: stackName(ctx),
  })),
  call('cloudformation.amazonaws.com', 'ListStacks', 0.05, scanner, () => ({
    stackStatusFilter: ['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_ROLLBACK_COMPLETE'],
  })),
  call('cloudtrail.amazonaws.com', 'DescribeTrails', 0.1, scanner, () => ({
    includeShadowTrails: true,
  })),
  call('cloudtrail.amazonaws.com', 'GetTrailStatus', 0.1, scanner, (ctx) => ({
    name: ctx.world.trailArn,
  })),
  call('cloudtrail.amazonaws.com', 'GetEventSelectors', 0.05, scanner, (ctx) => ({
    trailName: ctx.world.trailArn,
  })),
  call('cloudtrail.amazonaws.com', 'LookupEvents', 0.05, people, () => ({
    lookupAttributes: [{ attributeKey: 'ReadOnly', attributeValue: 'false' }],
    maxResults: 50,
  })),
  call(
    'sqs.amazonaws.com',
    'GetQueueAttributes',
    0.15,
    (ctx) => serviceActor(ctx.rng.pick(['lambda.amazonaws.com', 'sns.amazonaws.com'])),
    (ctx) => ({
      queueUrl: `https://sqs.${ctx.region}.amazonaws.com/${ctx.account.id}/${ctx.account.alias}-orders-queue`,
      attributeNames: ['All'],
    }),
  ),
  call('sqs.amazonaws.com', 'ListQueues', 0.05, scanner, () => null),
  call('sns.amazonaws.com', 'GetTopicAttributes', 0.08, scanner, (ctx) => ({
    topicArn: `arn:aws:sns:${ctx.region}:${ctx.account.id}:${ctx.account.alias}-alerts`,
  })),
  call(
    'config.amazonaws.com',
    'PutEvaluations',
    0.2,
    lambdaActor,
    (ctx) => ({
      evaluations: [
        {
          complianceResourceType: 'AWS::S3::Bucket',
          complianceResourceId: pickIn(ctx, ctx.account.buckets),
          complianceType: 'COMPLIANT',
          orderingTimestamp: ctx.time,
        },
      ],
      resultToken: ctx.rng.base64(180),
      testMode: false,
    }),
    { write: true },
  ),
  call('apigateway.amazonaws.com', 'GetRestApis', 0.05, scanner, () => ({ limit: 500 })),
  call('wafv2.amazonaws.com', 'ListWebACLs', 0.03, scanner, () => ({
    scope: 'REGIONAL',
    limit: 100,
  })),
  call(
    'route53.amazonaws.com',
    'ListResourceRecordSets',
    0.15,
    irsaActor,
    (ctx) => ({ hostedZoneId: zoneId(ctx) }),
    {
      global: true,
      errors: ['ThrottlingException'],
    },
  ),
  call(
    'route53.amazonaws.com',
    'ChangeResourceRecordSets',
    0.03,
    irsaActor,
    (ctx) => ({
      hostedZoneId: zoneId(ctx),
      changeBatch: {
        changes: [
          {
            action: 'UPSERT',
            resourceRecordSet: {
              name: `${ctx.rng.pick(['api', 'orders', 'www'])}.${ctx.account.alias}.example.com`,
              type: 'A',
              aliasTarget: {
                hostedZoneId: 'Z35SXDOTRQ7X7K',
                dNSName: `${ctx.account.alias}-app-${ctx.rng.digits(9)}.${ctx.region}.elb.amazonaws.com`,
                evaluateTargetHealth: true,
              },
            },
          },
        ],
      },
    }),
    {
      global: true,
      write: true,
      response: (ctx) => ({
        changeInfo: {
          id: `/change/C0${ctx.rng.upper(18)}`,
          status: 'PENDING',
          submittedAt: new Date(ctx.time).toUTCString(),
        },
      }),
    },
  ),
  call('route53.amazonaws.com', 'ListHostedZones', 0.04, scanner, () => null, { global: true }),
  call('organizations.amazonaws.com', 'DescribeOrganization', 0.1, anyone, () => null, {
    global: true,
    managementOnly: true,
  }),
  call('organizations.amazonaws.com', 'ListAccounts', 0.05, scanner, () => null, {
    global: true,
    managementOnly: true,
  }),
  call(
    'organizations.amazonaws.com',
    'ListPoliciesForTarget',
    0.03,
    scanner,
    (ctx) => ({
      targetId: ctx.rng.pick(ctx.world.accounts).id,
      filter: 'SERVICE_CONTROL_POLICY',
    }),
    { global: true, managementOnly: true },
  ),
];
