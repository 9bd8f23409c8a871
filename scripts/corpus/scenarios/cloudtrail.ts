import { ssoActor } from '../actors.js';
import { errorMessageFor } from '../errors.js';
import { adminConsoleActor, api, stolenKeyActor } from './common.js';
import type { Scenario, ScenarioCtx } from './types.js';

/** Trail tampering: attackers blind the audit log first. */

const CT = 'cloudtrail.amazonaws.com';

function trailSettings(ctx: ScenarioCtx, multiRegion: boolean, validation: boolean) {
  return {
    name: ctx.world.trailName,
    s3BucketName: ctx.world.trailBucket,
    includeGlobalServiceEvents: true,
    isMultiRegionTrail: multiRegion,
    trailARN: ctx.world.trailArn,
    logFileValidationEnabled: validation,
    isOrganizationTrail: true,
  };
}

export const cloudtrailScenarios: readonly Scenario[] = [
  {
    kind: 'cloudtrail-stop-logging',
    role: 'attack',
    expect: ['cloudtrail-logging-stopped'],
    mustNotFire: [],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria: 'StopLogging on the organisation trail, succeeded.',
    build: (ctx) => [
      api(ctx, stolenKeyActor(ctx), CT, 'StopLogging', { name: ctx.world.trailArn }, null),
    ],
  },
  {
    kind: 'cloudtrail-delete-trail',
    role: 'attack',
    expect: ['cloudtrail-logging-stopped'],
    mustNotFire: [],
    scope: 'global',
    size: 1,
    spanMs: 0,
    criteria: "DeleteTrail of an account's own trail, succeeded.",
    build: (ctx) => [
      api(
        ctx,
        stolenKeyActor(ctx),
        CT,
        'DeleteTrail',
        {
          name: `arn:aws:cloudtrail:${ctx.region}:${ctx.account.id}:trail/${ctx.account.alias}-account-audit`,
        },
        null,
      ),
    ],
  },
  {
    kind: 'cloudtrail-update-trail-weakened',
    role: 'attack',
    expect: ['cloudtrail-trail-updated'],
    mustNotFire: [],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria: 'UpdateTrail turning off log file validation and multi-region logging.',
    build: (ctx) => [
      api(
        ctx,
        stolenKeyActor(ctx),
        CT,
        'UpdateTrail',
        { name: ctx.world.trailArn, isMultiRegionTrail: false, enableLogFileValidation: false },
        trailSettings(ctx, false, false),
      ),
    ],
  },
  {
    kind: 'cloudtrail-event-selectors-narrowed',
    role: 'attack',
    expect: ['cloudtrail-event-selectors-narrowed'],
    mustNotFire: [],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria:
      'PutEventSelectors with includeManagementEvents false: management events stop being logged.',
    build: (ctx) => {
      const selectors = [
        {
          readWriteType: 'All',
          includeManagementEvents: false,
          dataResources: [],
          excludeManagementEventSources: [],
        },
      ];
      return [
        api(
          ctx,
          stolenKeyActor(ctx),
          CT,
          'PutEventSelectors',
          { trailName: ctx.world.trailArn, eventSelectors: selectors },
          { trailARN: ctx.world.trailArn, eventSelectors: selectors },
        ),
      ];
    },
  },
  {
    kind: 'cloudtrail-enable-log-validation',
    role: 'decoy',
    expect: [],
    mustNotFire: ['cloudtrail-trail-updated'],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria: 'UpdateTrail turning log file validation on (hardening).',
    build: (ctx) => [
      api(
        ctx,
        adminConsoleActor(ctx),
        CT,
        'UpdateTrail',
        { name: ctx.world.trailArn, enableLogFileValidation: true },
        trailSettings(ctx, true, true),
      ),
    ],
  },
  {
    kind: 'cloudtrail-add-s3-data-events',
    role: 'decoy',
    expect: [],
    mustNotFire: ['cloudtrail-event-selectors-narrowed'],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria: 'PutEventSelectors adding S3 data events while keeping all management events.',
    build: (ctx) => {
      const bucket = ctx.account.buckets[ctx.region]?.[0] ?? 'bucket';
      const selectors = [
        {
          readWriteType: 'All',
          includeManagementEvents: true,
          dataResources: [{ type: 'AWS::S3::Object', values: [`arn:aws:s3:::${bucket}/`] }],
          excludeManagementEventSources: [],
        },
      ];
      return [
        api(
          ctx,
          adminConsoleActor(ctx),
          CT,
          'PutEventSelectors',
          { trailName: ctx.world.trailArn, eventSelectors: selectors },
          { trailARN: ctx.world.trailArn, eventSelectors: selectors },
        ),
      ];
    },
  },
  {
    kind: 'cloudtrail-stop-logging-denied',
    role: 'attack',
    expect: ['cloudtrail-logging-stopped'],
    mustNotFire: [],
    scope: 'home',
    size: 1,
    spanMs: 0,
    criteria:
      'StopLogging refused with AccessDenied: the trail kept logging, but the attempt is reported (one severity lower).',
    build: (ctx) => {
      // A read-only engineer's misclick and an attacker probing stolen credentials look alike.
      const actor = ssoActor(ctx, 1, undefined, true);
      return [
        api(ctx, actor, CT, 'StopLogging', { name: ctx.world.trailArn }, null, {
          errorCode: 'AccessDenied',
          errorMessage: errorMessageFor('AccessDenied', { source: CT, name: 'StopLogging', actor }),
        }),
      ];
    },
  },
];
