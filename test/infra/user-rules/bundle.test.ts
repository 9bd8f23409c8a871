import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTrailwatchApp } from '../../../infra/lib/trailwatch-app.js';
import { examples } from '../../../sample-rules/break-glass-role-used.examples.js';
import { eventBridgeEvent } from '../handlers/factories.js';
import { resourcesOf } from '../support.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Bundles run from inside the repository, so their external `@aws-sdk/*` imports resolve. */
const RUN_DIR = join(ROOT, '.trailwatch', 'test-bundles', String(process.pid));
const TOPIC = 'arn:aws:sns:us-east-1:111122223333:trailwatch-alerts';

/** What a local stand-in for SNS received: the `detector` attribute of each Publish. */
interface SnsStandIn {
  readonly server: Server;
  readonly url: string;
  readonly detectors: string[];
}

/** Answers SNS's Query protocol the way SNS does, and records what was published. */
async function snsStandIn(): Promise<SnsStandIn> {
  const detectors: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const form = new URLSearchParams(body);
      for (const [key, value] of form) {
        if (!/^MessageAttributes\.entry\.\d+\.Name$/.test(key) || value !== 'detector') continue;
        detectors.push(form.get(key.replace(/Name$/, 'Value.StringValue')) ?? '');
      }
      response.writeHead(200, { 'content-type': 'text/xml' });
      response.end(
        '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult>' +
          `<MessageId>m-${detectors.length}</MessageId></PublishResult><ResponseMetadata>` +
          '<RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, detectors };
}

/** Invokes a bundled handler in a fresh Node process, as the Lambda runtime would import it. */
async function invoke(bundle: string, event: unknown, sns: SnsStandIn): Promise<void> {
  const script =
    'const m = await import(process.argv[1]); await m.handler(JSON.parse(process.argv[2]), {});';
  await run(
    process.execPath,
    ['--input-type=module', '-e', script, bundle, JSON.stringify(event)],
    {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'example',
        AWS_ENDPOINT_URL_SNS: sns.url,
        ALERT_TOPIC_ARN: TOPIC,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    },
  );
}

// Bundles the real handlers with the sample rules, as `cdk synth -c detectorsDir=sample-rules` does.
describe('User detectors in the Lambda bundles', { timeout: 180_000 }, () => {
  let bundles: { id: string; file: string; sources: string[] }[] = [];
  let sns: SnsStandIn;

  beforeAll(async () => {
    const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8'));
    const app = new App({ context: { ...cdkJson.context, detectorsDir: 'sample-rules' } });
    const stack = await createTrailwatchApp(app);
    const assembly = app.synth();
    mkdirSync(RUN_DIR, { recursive: true });
    bundles = Object.entries(resourcesOf(Template.fromStack(stack), 'AWS::Lambda::Function')).map(
      ([id, fn]) => {
        const hash = String(fn.Properties?.Code.S3Key).replace(/\.zip$/, '');
        const dir = join(assembly.directory, `asset.${hash}`);
        const map = JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8'));
        const file = join(RUN_DIR, id, 'index.mjs');
        cpSync(join(dir, 'index.mjs'), file);
        return { id, file, sources: map.sources as string[] };
      },
    );
    sns = await snsStandIn();
  }, 180_000);

  afterAll(() => {
    sns?.server.close();
    rmSync(RUN_DIR, { recursive: true, force: true });
  });

  it('bundles every rule file of the folder into each function', () => {
    expect(bundles).toHaveLength(3);
    for (const { id, sources } of bundles) {
      const rules = sources
        .filter((s) => s.includes('sample-rules/'))
        .map((s) => s.split('/').pop());
      expect(rules, id).toEqual(['break-glass-role-used.ts', 'iam-change-outside-pipeline.ts']);
    }
  });

  it('alerts from a user detector in the deployed fast-path function, and not on its near-miss', async () => {
    // Prepare
    const fastPath = bundles.find((b) => b.id.startsWith('DetectorsFastPath'));
    const fire = examples.fire[0]?.events[0];
    const noFire = examples.noFire[0]?.events[0];
    if (!fastPath || !fire || !noFire) throw new Error('missing bundle or example');

    // Act
    await invoke(fastPath.file, eventBridgeEvent(noFire), sns);
    const afterNearMiss = [...sns.detectors];
    await invoke(fastPath.file, eventBridgeEvent(fire), sns);

    // Assess
    expect(afterNearMiss).not.toContain('break-glass-role-used');
    expect(sns.detectors).toContain('break-glass-role-used');
  });
});
