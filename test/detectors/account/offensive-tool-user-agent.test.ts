import { describe, expect, it } from 'vitest';
import { offensiveToolUserAgent } from '../../../detectors/account/offensive-tool-user-agent.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

/** Hostile records may carry any type where a string belongs. */
const withAgent = (userAgent: unknown) =>
  cloudTrailEvent({ userAgent: userAgent as string | undefined });

describe('Detector: offensive-tool-user-agent', () => {
  it('names the tool and lowers CloudFox to medium', () => {
    const [kali] = detect(offensiveToolUserAgent, withAgent('aws-cli/2 md/distrib#kali.2024'));
    const [fox] = detect(offensiveToolUserAgent, withAgent('CloudFox/1.13'));
    expect(kali?.summary).toContain('Kali Linux');
    expect(kali?.severity).toBe('high');
    expect(fox?.severity).toBe('medium');
  });

  it('only reads the first 2,000 characters of an agent', () => {
    const padded = `${'a'.repeat(2000)} trufflehog`;
    expect(detect(offensiveToolUserAgent, withAgent(padded))).toEqual([]);
    expect(
      detect(offensiveToolUserAgent, withAgent(`trufflehog ${'a'.repeat(100_000)}`)),
    ).toHaveLength(1);
  });

  it.each([undefined, '', 42, null])('ignores a user agent of %j', (agent) => {
    expect(detect(offensiveToolUserAgent, withAgent(agent))).toEqual([]);
  });

  it('dedups per principal and tool, not per agent string', () => {
    const [a] = detect(offensiveToolUserAgent, withAgent('Linux/6.5.0-kali3-amd64'));
    const [b] = detect(offensiveToolUserAgent, withAgent('Python/3.11.8+kali'));
    expect(a?.dedupKey).toBe(b?.dedupKey);
  });
});
