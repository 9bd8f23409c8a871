/**
 * A Lambda cold start, locally: a fresh process imports one handler bundle and
 * answers a first event that needs no network (an s3:TestEvent notification on the
 * S3 path, a non-CloudTrail event on the EventBridge path), as the first invocation
 * after a cold start does. Reports the milliseconds of each step since process start.
 */
import { pathToFileURL } from 'node:url';
import { flag, report } from './common.js';

const argv = process.argv.slice(2);
const bundle = flag(argv, 'bundle');
const kind = flag(argv, 'kind');
process.env.ALERT_TOPIC_ARN ??= 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';
process.env.AWS_REGION ??= 'us-east-1';
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const context = {
  functionName: 'trailwatch-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:trailwatch-bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench',
  logGroupName: '/aws/lambda/trailwatch-bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 60_000,
};

const firstEvent =
  kind === 's3-sqs'
    ? {
        Records: [
          {
            messageId: 'bench-1',
            receiptHandle: 'bench',
            body: JSON.stringify({
              Service: 'Amazon S3',
              Event: 's3:TestEvent',
              Time: '2026-11-20T09:00:00.000Z',
              Bucket: 'trail-bucket',
              RequestId: 'BENCH',
              HostId: 'bench',
            }),
            attributes: {},
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: 'arn:aws:sqs:us-east-1:111122223333:trailwatch-ingest',
            awsRegion: 'us-east-1',
          },
        ],
      }
    : {
        version: '0',
        id: 'bench-1',
        'detail-type': 'Object Created',
        source: 'aws.s3',
        account: '111122223333',
        time: '2026-11-20T09:00:00Z',
        region: 'us-east-1',
        resources: [],
        detail: {},
      };

const started = performance.now();
const mod = (await import(pathToFileURL(bundle).href)) as {
  handler: (event: unknown, context: unknown) => Promise<unknown>;
};
const imported = performance.now();
const response = await mod.handler(firstEvent, context);
const answered = performance.now();
report({
  mode: 'lambda-init',
  kind,
  startupMs: started,
  importMs: imported - started,
  firstInvokeMs: answered - imported,
  initMs: answered,
  response,
});
