import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../cli/io.js';
import { main } from '../../../cli/main.js';
import { RUNBOOK_LIST } from '../../../runbooks/catalog.js';
import { captureIo } from '../capture-io.js';

/** A value for every parameter `trailwatch runbook --param` takes. */
const EVERY_PARAM = {
  principal: 'arn:aws:sts::111122223333:assumed-role/Admin/alice',
  userName: 'alice',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  sourceIp: '203.0.113.10',
  bucket: 'amzn-s3-demo-bucket',
  functionName: 'billing-export',
  account: '111122223333',
  region: 'eu-west-1',
  start: '2026-11-20',
  end: '2026-11-21T06:00:00Z',
};

/** How a placeholder the values could fill looks when it is left unfilled. */
const FILLABLE = [
  '<principal>',
  '<userName>',
  '<roleName>',
  '<accessKeyId>',
  '<sourceIp>',
  '<bucket>',
  '<functionName>',
  '<account>',
  '<region>',
  '<START>',
  '<END>',
];

async function runbook(id: string, params: Record<string, string>) {
  const io = captureIo();
  const args = Object.entries(params).flatMap(([k, v]) => ['--param', `${k}=${v}`]);
  const code = await main(['runbook', id, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('trailwatch runbook --param', () => {
  it.each(RUNBOOK_LIST.map((r) => r.id))('fills every placeholder it can in %s', async (id) => {
    const run = await runbook(id, EVERY_PARAM);

    expect(run.code).toBe(EXIT.ok);
    for (const mark of FILLABLE) expect(run.out).not.toContain(mark);
    expect(run.out).toContain(
      '--param start=2026-11-20T00:00:00Z --param end=2026-11-21T06:00:00Z',
    );
  });

  it('fills the window in step commands and the values in investigation commands', async () => {
    const tampering = await runbook('cloudtrail-tampering', EVERY_PARAM);
    const compromise = await runbook('credential-compromise', EVERY_PARAM);

    expect(tampering.out).toContain(
      'aws cloudtrail validate-logs --trail-arn <TRAIL_ARN> --start-time 2026-11-20T00:00:00Z --end-time 2026-11-21T06:00:00Z',
    );
    expect(compromise.out).toContain(
      '--query access-key-timeline --param start=2026-11-20T00:00:00Z --param end=2026-11-21T06:00:00Z --param accessKeyId=AKIAIOSFODNN7EXAMPLE --logs <PATH...>',
    );
    expect(compromise.out).toContain('--role-name Admin');
  });

  it('takes a relative window and an IAM name outright', async () => {
    const run = await runbook('credential-compromise', {
      start: '24h',
      end: 'now',
      roleName: 'BreakGlass',
    });

    expect(run.out).toMatch(/--param start=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ --param end=\d{4}-/);
    expect(run.out).toContain('--role-name BreakGlass');
  });

  it('leaves what is not given for the reader', async () => {
    const run = await runbook('credential-compromise', { bucket: 'amzn-s3-demo-bucket' });

    expect(run.out).toContain(
      '--param start=<START> --param end=<END> --param accessKeyId=<accessKeyId>',
    );
  });

  it('refuses an IAM name with characters IAM does not allow', async () => {
    const run = await runbook('credential-compromise', { userName: 'alice;rm' });

    expect(run.code).toBe(EXIT.usage);
    expect(run.err).toContain('--param userName must be an IAM name');
  });
});
