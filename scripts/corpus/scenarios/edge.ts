import { pickIn } from '../context.js';
import type { Actor, JsonObject } from '../record.js';
import { api, ciDeployActor, stolenCiSessionActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** The edge: API Gateway authorizers and WAF web ACLs in front of applications. */

const APIGW = 'apigateway.amazonaws.com';
const WAF = 'wafv2.amazonaws.com';
const base = { size: 1, spanMs: 0, scope: 'any' } as const;

/**
 * UpdateMethod as API Gateway logs it: path parameters plus the PATCH body's
 * operations under `patch`, and `template: false`.
 */
function updateMethod(ctx: ScenarioCtx, actor: Actor, op: JsonObject): JsonObject {
  const restApiId = pickIn(ctx, ctx.account.restApis);
  return api(
    ctx,
    actor,
    APIGW,
    'UpdateMethod',
    {
      restApiId,
      resourceId: ctx.rng.lower(6),
      httpMethod: 'POST',
      patch: { patchOperations: [op] },
      template: false,
    },
    null,
    {
      resources: [
        {
          accountId: ctx.account.id,
          type: 'AWS::ApiGateway::RestApi',
          ARN: `arn:aws:apigateway:${ctx.region}::/restapis/${restApiId}`,
        },
      ],
    },
  );
}

function stageArn(ctx: ScenarioCtx): string {
  return `arn:aws:apigateway:${ctx.region}::/restapis/${pickIn(ctx, ctx.account.restApis)}/stages/prod`;
}

function webAclArn(ctx: ScenarioCtx): string {
  return `arn:aws:wafv2:${ctx.region}:${ctx.account.id}:regional/webacl/${ctx.account.alias}-edge-protection/${ctx.rng.uuid()}`;
}

export const edgeScenarios: readonly Scenario[] = [
  {
    ...base,
    kind: 'apigateway-delete-authorizer',
    role: 'attack',
    expect: ['apigateway-authorization-removed'],
    mustNotFire: [],
    criteria: 'DeleteAuthorizer on a REST API.',
    build: (ctx) => [
      api(
        ctx,
        stolenCiSessionActor(ctx),
        APIGW,
        'DeleteAuthorizer',
        {
          restApiId: pickIn(ctx, ctx.account.restApis),
          authorizerId: ctx.rng.lower(6),
          template: false,
        },
        null,
      ),
    ],
  },
  {
    ...base,
    kind: 'apigateway-method-auth-none',
    role: 'attack',
    expect: ['apigateway-authorization-removed'],
    mustNotFire: [],
    criteria: 'UpdateMethod with a patch operation setting /authorizationType to NONE.',
    build: (ctx) => [
      updateMethod(ctx, stolenCiSessionActor(ctx), {
        op: 'replace',
        path: '/authorizationType',
        value: 'NONE',
      }),
    ],
  },
  {
    ...base,
    kind: 'waf-disassociate-web-acl',
    role: 'attack',
    expect: ['waf-web-acl-removed'],
    mustNotFire: [],
    criteria: 'DisassociateWebACL (wafv2) removing protection from an API stage.',
    build: (ctx) => [
      api(
        ctx,
        stolenCiSessionActor(ctx),
        WAF,
        'DisassociateWebACL',
        { resourceArn: stageArn(ctx) },
        {},
      ),
    ],
  },
  {
    ...base,
    kind: 'apigateway-method-other-change',
    role: 'decoy',
    expect: [],
    mustNotFire: ['apigateway-authorization-removed'],
    criteria: 'UpdateMethod requiring an API key: a change that is not about the authorizer.',
    build: (ctx) => [
      updateMethod(ctx, ciDeployActor(ctx), {
        op: 'replace',
        path: '/apiKeyRequired',
        value: 'true',
      }),
    ],
  },
  {
    ...base,
    kind: 'waf-associate-web-acl',
    role: 'decoy',
    expect: [],
    mustNotFire: ['waf-web-acl-removed'],
    criteria: 'AssociateWebACL (wafv2) adding protection.',
    build: (ctx) => [
      api(
        ctx,
        ciDeployActor(ctx),
        WAF,
        'AssociateWebACL',
        { webACLArn: webAclArn(ctx), resourceArn: stageArn(ctx) },
        {},
      ),
    ],
  },
];
