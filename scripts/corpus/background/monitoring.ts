import { irsaActor, lambdaActor, ssoActor, workloadActor } from '../actors.js';
import type { Ctx } from '../context.js';
import type { Actor } from '../record.js';
import { isoSeconds, MINUTE } from '../time.js';
import { vendorSessionActor } from './ec2.js';
import type { Template } from './template.js';

/** CloudWatch metrics and CloudWatch Logs: dashboards, the vendor's collector, and Lambda log streams. */

function watcher(ctx: Ctx): Actor {
  const r = ctx.rng.next();
  if (r < 0.45) return vendorSessionActor(ctx);
  if (r < 0.7) return irsaActor(ctx);
  return ssoActor(ctx);
}

export const monitoringTemplates: readonly Template[] = [
  {
    source: 'monitoring.amazonaws.com',
    name: 'GetMetricData',
    weight: 1.0,
    errors: ['Throttling'],
    build(ctx) {
      const fn = ctx.rng.pick(ctx.account.functions);
      return {
        actor: watcher(ctx),
        requestParameters: {
          metricDataQueries: [
            {
              id: `m${ctx.rng.int(0, 9)}`,
              metricStat: {
                metric: {
                  namespace: 'AWS/Lambda',
                  metricName: ctx.rng.pick(['Invocations', 'Errors', 'Duration', 'Throttles']),
                  dimensions: [{ name: 'FunctionName', value: fn.name }],
                },
                period: 60,
                stat: ctx.rng.pick(['Sum', 'Average', 'p99']),
              },
              returnData: true,
            },
          ],
          startTime: isoSeconds(ctx.time - 60 * MINUTE),
          endTime: isoSeconds(ctx.time),
        },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'monitoring.amazonaws.com',
    name: 'DescribeAlarms',
    weight: 0.6,
    build(ctx) {
      return {
        actor: watcher(ctx),
        requestParameters: { maxRecords: 100, alarmTypes: ['CompositeAlarm', 'MetricAlarm'] },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'monitoring.amazonaws.com',
    name: 'ListMetrics',
    weight: 0.3,
    build(ctx) {
      return {
        actor: watcher(ctx),
        requestParameters: {
          namespace: ctx.rng.pick(['AWS/EC2', 'AWS/Lambda', 'AWS/ApplicationELB']),
        },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'logs.amazonaws.com',
    name: 'CreateLogStream',
    weight: 1.0,
    build(ctx) {
      const fn = ctx.rng.pick(ctx.account.functions);
      return {
        actor: lambdaActor(ctx, fn),
        requestParameters: {
          logGroupName: `/aws/lambda/${fn.name}`,
          logStreamName: `${isoSeconds(ctx.time).slice(0, 10).replaceAll('-', '/')}/[$LATEST]${ctx.rng.hex(32)}`,
        },
        responseElements: null,
        readOnly: false,
      };
    },
  },
  {
    source: 'logs.amazonaws.com',
    name: 'DescribeLogGroups',
    weight: 0.5,
    build(ctx) {
      return {
        actor: watcher(ctx),
        requestParameters: { logGroupNamePrefix: '/aws/lambda/' },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'logs.amazonaws.com',
    name: 'DescribeLogStreams',
    weight: 0.35,
    build(ctx) {
      return {
        actor: watcher(ctx),
        requestParameters: {
          logGroupName: ctx.rng.pick(ctx.account.logGroups),
          orderBy: 'LastEventTime',
          descending: true,
          limit: 50,
        },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'logs.amazonaws.com',
    name: 'FilterLogEvents',
    weight: 0.2,
    build(ctx) {
      return {
        actor: ssoActor(ctx),
        requestParameters: {
          logGroupName: ctx.rng.pick(ctx.account.logGroups),
          startTime: ctx.time - 30 * MINUTE,
          filterPattern: ctx.rng.pick(['ERROR', '"Task timed out"', '{ $.level = "error" }']),
          interleaved: true,
        },
        responseElements: null,
        readOnly: true,
      };
    },
  },
  {
    source: 'logs.amazonaws.com',
    name: 'StartQuery',
    weight: 0.05,
    build(ctx) {
      return {
        actor: workloadActor(ctx),
        requestParameters: {
          logGroupNames: [ctx.rng.pick(ctx.account.logGroups)],
          startTime: Math.floor((ctx.time - 60 * MINUTE) / 1000),
          endTime: Math.floor(ctx.time / 1000),
          queryString: 'fields @timestamp, @message | filter @message like /ERROR/ | limit 100',
        },
        responseElements: { queryId: ctx.rng.uuid() },
        readOnly: true,
      };
    },
  },
];
