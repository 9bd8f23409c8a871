import { lambdaActor } from '../../actors.js';
import type { Ctx } from '../../context.js';
import { pickIn } from '../../context.js';
import type { LambdaFunction } from '../../world.js';
import { functionConfiguration } from '../lambda.js';
import type { Template } from '../template.js';
import {
  change,
  cloudFormation,
  consolePerson,
  namedRole,
  serviceRoleActor,
  terraform,
} from './common.js';

/**
 * Operations: serverless deployments through CloudFormation (full function
 * configuration, AWS-published layers), API Gateway invoke permissions, log
 * retention, Security Hub workflow updates by the findings forwarder, GuardDuty
 * and Config settings from the organisation baseline, table and database
 * tuning, CloudFront updates, and the EventBridge rules and alarms Terraform
 * replaces.
 */

/**
 * Layers AWS publishes for every customer (Lambda Insights, the Parameters and
 * Secrets extension), by region, from AWS documentation.
 */
const AWS_LAYERS: Readonly<Record<string, readonly string[]>> = {
  'us-east-1': [
    'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:53',
    'arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
  ],
  'eu-west-1': [
    'arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:53',
    'arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
  ],
  'us-west-2': [
    'arn:aws:lambda:us-west-2:580247275435:layer:LambdaInsightsExtension:53',
    'arn:aws:lambda:us-west-2:345057560386:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
  ],
  'ap-southeast-2': [
    'arn:aws:lambda:ap-southeast-2:580247275435:layer:LambdaInsightsExtension:53',
    'arn:aws:lambda:ap-southeast-2:665172237481:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
  ],
};

function fnResource(ctx: Ctx, fn: LambdaFunction) {
  return [{ accountId: ctx.account.id, type: 'AWS::Lambda::Function', ARN: fn.arn }];
}

export const opsChangeTemplates: readonly Template[] = [
  change('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', 0.0015, (ctx) => {
    // CloudFormation sends the whole configuration, the unchanged role included.
    const fn = pickIn(ctx, ctx.account.functionsIn);
    const own = `arn:aws:lambda:${ctx.region}:${ctx.account.id}:layer:${ctx.account.alias}-shared-utils:${ctx.rng.int(2, 30)}`;
    const aws = AWS_LAYERS[ctx.region];
    const layers = aws && ctx.rng.chance(0.5) ? [own, ctx.rng.pick(aws)] : [own];
    const memorySize = ctx.rng.pick([256, 512, 1024]);
    return {
      actor: cloudFormation(ctx),
      request: {
        functionName: fn.name,
        role: fn.role.arn,
        handler: fn.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
        description: '',
        timeout: 30,
        memorySize,
        environment: { variables: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
        runtime: fn.runtime,
        layers,
        tracingConfig: { mode: 'Active' },
      },
      response: {
        ...functionConfiguration(ctx, fn, memorySize),
        layers: layers.map((arn) => ({ arn, codeSize: ctx.rng.int(20_000, 3_000_000) })),
      },
      resources: fnResource(ctx, fn),
    };
  }),
  change('lambda.amazonaws.com', 'AddPermission20150331v2', 0.0005, (ctx) => {
    const fn = pickIn(ctx, ctx.account.functionsIn);
    const api = pickIn(ctx, ctx.account.restApis);
    const sourceArn = `arn:aws:execute-api:${ctx.region}:${ctx.account.id}:${api}/*/*`;
    const statementId = `AllowExecutionFromAPIGateway-${ctx.rng.lower(8)}`;
    return {
      actor: terraform(ctx),
      request: {
        functionName: fn.name,
        statementId,
        action: 'lambda:InvokeFunction',
        principal: 'apigateway.amazonaws.com',
        sourceArn,
      },
      response: {
        statement: JSON.stringify({
          Sid: statementId,
          Effect: 'Allow',
          Principal: { Service: 'apigateway.amazonaws.com' },
          Action: 'lambda:InvokeFunction',
          Resource: fn.arn,
          Condition: { ArnLike: { 'AWS:SourceArn': sourceArn } },
        }),
      },
      resources: fnResource(ctx, fn),
    };
  }),
  change('logs.amazonaws.com', 'PutRetentionPolicy', 0.0008, (ctx) => ({
    actor: terraform(ctx),
    request: {
      logGroupName: ctx.rng.pick(ctx.account.logGroups),
      retentionInDays: ctx.rng.pick([30, 90, 365]),
    },
  })),
  change('securityhub.amazonaws.com', 'BatchUpdateFindings', 0.002, (ctx) => {
    // The findings forwarder marks what it sent to the ticketing system.
    const fn =
      ctx.account.functions.find((f) => f.name === 'audit-forwarder') ??
      ctx.rng.pick(ctx.account.functions);
    return {
      actor: lambdaActor(ctx, fn),
      request: {
        findingIdentifiers: [
          {
            id: `arn:aws:securityhub:${ctx.region}:${ctx.account.id}:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.9/finding/${ctx.rng.uuid()}`,
            productArn: `arn:aws:securityhub:${ctx.region}::product/aws/securityhub`,
          },
        ],
        workflow: { status: 'NOTIFIED' },
        note: {
          text: `Ticket SEC-${ctx.rng.int(1000, 9999)} opened`,
          updatedBy: 'audit-forwarder',
        },
      },
      response: { processedFindings: [], unprocessedFindings: [] },
    };
  }),
  change('guardduty.amazonaws.com', 'UpdateDetector', 0.0002, (ctx) => ({
    actor: terraform(ctx),
    request: {
      detectorId: ctx.rng.hex(32),
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      features: [{ name: 'S3_DATA_EVENTS', status: 'ENABLED' }],
    },
  })),
  change('config.amazonaws.com', 'PutConfigurationRecorder', 0.0002, (ctx) => {
    const role = namedRole(ctx.account, 'AWSCloudFormationStackSetExecutionRole');
    return {
      actor: serviceRoleActor(ctx, role, `${ctx.rng.hex(32)}`, 'cloudformation.amazonaws.com'),
      request: {
        configurationRecorder: {
          name: 'default',
          roleARN: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: ctx.region === ctx.world.globalRegion,
          },
        },
      },
    };
  }),
  change('dynamodb.amazonaws.com', 'UpdateTable', 0.0004, (ctx) => ({
    actor: terraform(ctx),
    request: ctx.rng.chance(0.5)
      ? { tableName: pickIn(ctx, ctx.account.tables), billingMode: 'PAY_PER_REQUEST' }
      : {
          tableName: pickIn(ctx, ctx.account.tables),
          streamSpecification: { streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES' },
        },
  })),
  change('rds.amazonaws.com', 'ModifyDBInstance', 0.0003, (ctx) => ({
    actor: consolePerson(ctx),
    request: ctx.rng.chance(0.5)
      ? {
          dBInstanceIdentifier: `${ctx.account.alias}-orders-db`,
          backupRetentionPeriod: 14,
          applyImmediately: false,
        }
      : {
          dBInstanceIdentifier: `${ctx.account.alias}-orders-db`,
          dBInstanceClass: 'db.r6g.xlarge',
          applyImmediately: false,
        },
    response: {
      dBInstanceIdentifier: `${ctx.account.alias}-orders-db`,
      dBInstanceClass: 'db.r6g.large',
      engine: 'postgres',
      dBInstanceStatus: 'available',
      publiclyAccessible: false,
      deletionProtection: true,
      storageEncrypted: true,
      multiAZ: true,
      dBInstanceArn: `arn:aws:rds:${ctx.region}:${ctx.account.id}:db:${ctx.account.alias}-orders-db`,
    },
  })),
  change(
    'cloudfront.amazonaws.com',
    'UpdateDistribution',
    0.0004,
    (ctx) => {
      const id = `E${ctx.rng.upper(13)}`;
      const withWaf = ctx.rng.chance(0.5);
      return {
        actor: terraform(ctx),
        request: {
          id,
          ifMatch: `E${ctx.rng.upper(13)}`,
          distributionConfig: {
            callerReference: `terraform-${ctx.rng.digits(20)}`,
            comment: `${ctx.account.alias} static site`,
            enabled: true,
            defaultRootObject: 'index.html',
            priceClass: 'PriceClass_100',
            httpVersion: 'http2and3',
            isIPV6Enabled: true,
            webACLId: withWaf
              ? `arn:aws:wafv2:us-east-1:${ctx.account.id}:global/webacl/${ctx.account.alias}-edge/${ctx.rng.uuid()}`
              : '',
          },
        },
      };
    },
    { global: true },
  ),
  change('events.amazonaws.com', 'RemoveTargets', 0.0002, (ctx) => ({
    actor: terraform(ctx),
    request: {
      rule: `${ctx.account.alias}-nightly-report`,
      ids: [`terraform-${ctx.rng.digits(26)}`],
    },
    response: { failedEntryCount: 0, failedEntries: [] },
  })),
  change('events.amazonaws.com', 'DeleteRule', 0.0001, (ctx) => ({
    actor: terraform(ctx),
    request: {
      name: `${ctx.account.alias}-${ctx.rng.pick(['nightly-report', 'inventory-sync'])}-schedule`,
    },
  })),
  change('monitoring.amazonaws.com', 'DeleteAlarms', 0.0001, (ctx) => ({
    actor: terraform(ctx),
    request: {
      alarmNames: [
        `${ctx.account.alias}-${ctx.rng.pick(['orders-api', 'payments-webhook'])}-errors`,
      ],
    },
  })),
  change('lambda.amazonaws.com', 'CreateFunctionUrlConfig20211031', 0.0001, (ctx) => {
    const fn = pickIn(ctx, ctx.account.functionsIn);
    return {
      actor: terraform(ctx),
      request: { functionName: fn.name, authType: 'AWS_IAM' },
      response: {
        functionUrl: `https://${ctx.rng.lower(32)}.lambda-url.${ctx.region}.on.aws/`,
        functionArn: fn.arn,
        authType: 'AWS_IAM',
        creationTime: new Date(ctx.time).toISOString().replace('Z', '000Z'),
      },
      resources: fnResource(ctx, fn),
    };
  }),
];
