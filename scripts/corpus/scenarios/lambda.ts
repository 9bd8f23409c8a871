import { functionConfiguration } from '../background/lambda.js';
import { pickIn } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import type { LambdaFunction } from '../world.js';
import { api, ciDeployActor, stolenCiSessionActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** Lambda exposure and supply chain. Event names carry Lambda's API version suffixes. */

const LAMBDA = 'lambda.amazonaws.com';
const base = { size: 1, spanMs: 0, scope: 'any' } as const;

function fnResource(ctx: ScenarioCtx, fn: LambdaFunction) {
  return [{ accountId: ctx.account.id, type: 'AWS::Lambda::Function', ARN: fn.arn }];
}

function addPermission(
  ctx: ScenarioCtx,
  actor: Actor,
  fn: LambdaFunction,
  request: JsonObject,
  statement: JsonObject,
) {
  return api(
    ctx,
    actor,
    LAMBDA,
    'AddPermission20150331v2',
    { functionName: fn.name, ...request },
    {
      statement: JSON.stringify({
        Sid: request.statementId,
        Effect: 'Allow',
        ...statement,
        Action: 'lambda:InvokeFunction',
        Resource: fn.arn,
      }),
    },
    { resources: fnResource(ctx, fn) },
  );
}

function functionUrl(ctx: ScenarioCtx, actor: Actor, authType: string): JsonObject {
  const fn = pickIn(ctx, ctx.account.functionsIn);
  return api(
    ctx,
    actor,
    LAMBDA,
    'CreateFunctionUrlConfig20211031',
    { functionName: fn.name, authType },
    {
      functionUrl: `https://${ctx.rng.lower(32)}.lambda-url.${ctx.region}.on.aws/`,
      functionArn: fn.arn,
      authType,
      creationTime: new Date(ctx.time).toISOString().replace('Z', '000Z'),
    },
    { resources: fnResource(ctx, fn) },
  );
}

function updateConfiguration(
  ctx: ScenarioCtx,
  actor: Actor,
  layerAccount: string,
  benign: boolean,
): JsonObject {
  const fn = pickIn(ctx, ctx.account.functionsIn);
  const layerArn = benign
    ? `arn:aws:lambda:${ctx.region}:${layerAccount}:layer:${ctx.account.alias}-shared-utils:${ctx.rng.int(2, 30)}`
    : `arn:aws:lambda:${ctx.region}:${layerAccount}:layer:nodejs-perf-extension:3`;
  const request: JsonObject = benign
    ? {
        functionName: fn.name,
        memorySize: 1024,
        environment: { variables: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
        layers: [layerArn],
      }
    : { functionName: fn.name, layers: [layerArn] };
  const response = {
    ...functionConfiguration(ctx, fn, benign ? 1024 : 512),
    layers: [{ arn: layerArn, codeSize: ctx.rng.int(20_000, 3_000_000) }],
  };
  return api(ctx, actor, LAMBDA, 'UpdateFunctionConfiguration20150331v2', request, response, {
    resources: fnResource(ctx, fn),
  });
}

export const lambdaScenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 'lambda-permission-public',
    role: 'attack',
    expect: ['lambda-permission-public-or-cross-account'],
    mustNotFire: [],
    criteria:
      'AddPermission20150331v2 granting lambda:InvokeFunction to principal "*" without conditions.',
    build: (ctx) => {
      const fn = pickIn(ctx, ctx.account.functionsIn);
      return [
        addPermission(
          ctx,
          stolenCiSessionActor(ctx),
          fn,
          { statementId: 'public-invoke', action: 'lambda:InvokeFunction', principal: '*' },
          { Principal: '*' },
        ),
      ];
    },
  },
  {
    ...base,
    kind: 'lambda-function-url-no-auth',
    role: 'attack',
    expect: ['lambda-function-url-no-auth'],
    mustNotFire: [],
    criteria: 'CreateFunctionUrlConfig20211031 with authType NONE: a public HTTPS endpoint.',
    build: (ctx) => [functionUrl(ctx, stolenCiSessionActor(ctx), 'NONE')],
  },
  {
    ...base,
    kind: 'lambda-foreign-layer',
    role: 'attack',
    expect: ['lambda-foreign-layer'],
    mustNotFire: [],
    criteria:
      'UpdateFunctionConfiguration20150331v2 adding a layer published by an account outside the organisation.',
    build: (ctx) => [
      updateConfiguration(ctx, stolenCiSessionActor(ctx), ctx.world.foreignAccount, false),
    ],
  },
  {
    ...base,
    kind: 'lambda-permission-s3-source',
    role: 'decoy',
    expect: [],
    mustNotFire: ['lambda-permission-public-or-cross-account'],
    criteria:
      'AddPermission20150331v2 letting s3.amazonaws.com invoke, pinned by sourceArn and sourceAccount.',
    build: (ctx) => {
      const fn = pickIn(ctx, ctx.account.functionsIn);
      const bucket = pickIn(ctx, ctx.account.buckets);
      return [
        addPermission(
          ctx,
          ciDeployActor(ctx),
          fn,
          {
            statementId: 's3-invoke',
            action: 'lambda:InvokeFunction',
            principal: 's3.amazonaws.com',
            sourceArn: `arn:aws:s3:::${bucket}`,
            sourceAccount: ctx.account.id,
          },
          {
            Principal: { Service: 's3.amazonaws.com' },
            Condition: {
              StringEquals: { 'AWS:SourceAccount': ctx.account.id },
              ArnLike: { 'AWS:SourceArn': `arn:aws:s3:::${bucket}` },
            },
          },
        ),
      ];
    },
  },
  {
    ...base,
    kind: 'lambda-function-url-iam-auth',
    role: 'decoy',
    expect: [],
    mustNotFire: ['lambda-function-url-no-auth'],
    criteria: 'CreateFunctionUrlConfig20211031 with authType AWS_IAM.',
    build: (ctx) => [functionUrl(ctx, ciDeployActor(ctx), 'AWS_IAM')],
  },
  {
    ...base,
    kind: 'lambda-ci-config-update',
    role: 'decoy',
    expect: [],
    mustNotFire: ['lambda-foreign-layer'],
    criteria:
      "UpdateFunctionConfiguration20150331v2 by the CI role: memory, environment and a layer from the function's own account.",
    build: (ctx) => [updateConfiguration(ctx, ciDeployActor(ctx), ctx.account.id, true)],
  },
];
