import { ciActor, lambdaActor, serviceActor, ssoActor, workloadActor } from '../actors.js';
import type { Ctx } from '../context.js';
import { pickIn } from '../context.js';
import type { JsonObject } from '../record.js';
import { isoSeconds } from '../time.js';
import type { LambdaFunction } from '../world.js';
import type { CallBody, Template } from './template.js';

/** Lambda: Invoke is a data event; the API names carry the API version, as CloudTrail logs them. */

function functionResource(ctx: Ctx, fn: LambdaFunction) {
  return [{ accountId: ctx.account.id, type: 'AWS::Lambda::Function', ARN: fn.arn }];
}

/** The function configuration Lambda returns from updates (environment values are hidden). */
export function functionConfiguration(ctx: Ctx, fn: LambdaFunction, memorySize = 512): JsonObject {
  return {
    functionName: fn.name,
    functionArn: fn.arn,
    runtime: fn.runtime,
    role: fn.role.arn,
    handler: fn.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
    codeSize: ctx.rng.int(4_000, 9_000_000),
    description: '',
    timeout: 30,
    memorySize,
    lastModified: `${isoSeconds(ctx.time).slice(0, -1)}.${ctx.rng.int(100, 999)}+0000`,
    codeSha256: `${ctx.rng.base64(43)}=`,
    version: '$LATEST',
    environment: { variables: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
    tracingConfig: { mode: 'PassThrough' },
    revisionId: ctx.rng.uuid(),
    state: 'Active',
    lastUpdateStatus: 'InProgress',
    lastUpdateStatusReason: 'The function is being created.',
    lastUpdateStatusReasonCode: 'Creating',
    packageType: 'Zip',
    architectures: ['arm64'],
    ephemeralStorage: { size: 512 },
    snapStart: { applyOn: 'None', optimizationStatus: 'Off' },
    runtimeVersionConfig: {
      runtimeVersionArn: `arn:aws:lambda:${ctx.region}::runtime:${ctx.rng.hex(64)}`,
    },
    loggingConfig: { logFormat: 'Text', logGroup: `/aws/lambda/${fn.name}` },
  };
}

const INVOKERS = [
  'apigateway.amazonaws.com',
  'events.amazonaws.com',
  's3.amazonaws.com',
  'sns.amazonaws.com',
];

function invoke(ctx: Ctx): CallBody {
  const fn = pickIn(ctx, ctx.account.functionsIn);
  const byService = ctx.rng.chance(0.4);
  const invoker = ctx.rng.pick(INVOKERS);
  const requestParameters: JsonObject = { functionName: fn.arn };
  if (byService && invoker === 'apigateway.amazonaws.com') {
    const api = pickIn(ctx, ctx.account.restApis);
    requestParameters.sourceArn = `arn:aws:execute-api:${ctx.region}:${ctx.account.id}:${api}/prod/POST/${fn.name}`;
  }
  return {
    actor: byService ? serviceActor(invoker) : lambdaActor(ctx),
    requestParameters,
    responseElements: null,
    additionalEventData: { functionVersion: `${fn.arn}:$LATEST` },
    readOnly: false,
    data: true,
    resources: functionResource(ctx, fn),
  };
}

function read(params: (fn: LambdaFunction) => JsonObject | null) {
  return (ctx: Ctx): CallBody => {
    const fn = pickIn(ctx, ctx.account.functionsIn);
    return {
      actor: ctx.rng.chance(0.5) ? ciActor(ctx) : ssoActor(ctx),
      requestParameters: params(fn),
      responseElements: null,
      readOnly: true,
    };
  };
}

export const lambdaTemplates: readonly Template[] = [
  {
    source: 'lambda.amazonaws.com',
    name: 'Invoke',
    weight: 3.7,
    errors: ['AccessDeniedException', 'TooManyRequestsException'],
    errorRate: 0.004,
    build: invoke,
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'GetFunction20150331v2',
    weight: 0.35,
    errors: ['ResourceNotFoundException'],
    build: read((fn) => ({ functionName: fn.name })),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'GetFunctionConfiguration20150331v2',
    weight: 0.2,
    build: read((fn) => ({ functionName: fn.arn })),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'ListFunctions20150331',
    weight: 0.3,
    build: read(() => null),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'GetPolicy20150331v2',
    weight: 0.1,
    errors: ['ResourceNotFoundException'],
    errorRate: 0.3,
    build: read((fn) => ({ functionName: fn.name })),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'ListEventSourceMappings20150331',
    weight: 0.1,
    build: read((fn) => ({ functionName: fn.name })),
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'UpdateFunctionCode20150331v2',
    weight: 0.08,
    build(ctx) {
      const fn = pickIn(ctx, ctx.account.functionsIn);
      return {
        actor: ciActor(ctx),
        requestParameters: { functionName: fn.name, publish: false, dryRun: false },
        responseElements: functionConfiguration(ctx, fn),
        readOnly: false,
        resources: functionResource(ctx, fn),
      };
    },
  },
  {
    source: 'lambda.amazonaws.com',
    name: 'ListTags20170331',
    weight: 0.05,
    build(ctx) {
      const fn = pickIn(ctx, ctx.account.functionsIn);
      return {
        actor: workloadActor(ctx),
        requestParameters: { resource: fn.arn },
        responseElements: null,
        readOnly: true,
      };
    },
  },
];
