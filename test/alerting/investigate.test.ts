import { describe, expect, it } from 'vitest';
import { withInvestigations } from '../../alerting/investigate.js';
import { alertFixture } from './fixtures.js';

const exposure = alertFixture({
  runbook: { id: 's3-public-exposure', title: 'S3 bucket or object exposed publicly', url: 'x' },
  principal: 'arn:aws:iam::111122223333:user/alice',
  resources: ['arn:aws:s3:::data-bucket'],
  firstSeen: '2026-11-20T10:00:00.000Z',
  lastSeen: '2026-11-20T10:05:00.000Z',
});

describe('Function: withInvestigations', () => {
  it('adds investigate commands for the scanned paths, filled from the alert', () => {
    const alert = withInvestigations(exposure, { engine: 'duckdb', paths: ['logs/'] });

    expect(alert.investigate.length).toBeGreaterThan(0);
    const bucketQuery = alert.investigate.find((c) => c.params.bucket !== undefined);
    expect(bucketQuery?.params.bucket).toBe('data-bucket');
    expect(bucketQuery?.command).toMatch(/^npx --no trailwatch investigate s3-public-exposure /);
    expect(bucketQuery?.command).toContain('--logs logs/');
  });

  it('targets Athena on AWS', () => {
    const alert = withInvestigations(exposure, { engine: 'athena' });

    expect(alert.investigate.every((c) => c.command.includes('--engine athena'))).toBe(true);
  });

  it('never puts a hostile value into a command', () => {
    const hostile = alertFixture({
      ...exposure,
      principal: "arn:aws:iam::111122223333:user/x'; rm -rf / #",
      resources: ['arn:aws:s3:::$(id)'],
    });

    const alert = withInvestigations(hostile, { engine: 'duckdb', paths: ['logs/'] });

    for (const c of alert.investigate) {
      expect(c.command).not.toContain('rm -rf');
      expect(c.command).not.toContain('$(id)');
    }
  });

  it('keeps every other field of the alert', () => {
    const alert = withInvestigations(exposure, { engine: 'athena' });
    expect({ ...alert, investigate: [] }).toEqual({ ...exposure, investigate: [] });
  });
});
