import { describe, expect, it } from 'vitest';
import { ssmSendCommandMultipleInstances } from '../../../detectors/ssm/ssm-send-command-multiple-instances.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, identities } from '../../helpers/events.js';

const sendCommand = (requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'ssm.amazonaws.com',
    eventName: 'SendCommand',
    userIdentity: identities.assumedRole('Ops', 'session-a'),
    requestParameters,
  });

const run = (requestParameters: Record<string, unknown> | null) =>
  detect(ssmSendCommandMultipleInstances, sendCommand(requestParameters))[0];

describe('Detector: ssm-send-command-multiple-instances', () => {
  it('raises severity for the documents that run arbitrary scripts', () => {
    const shell = run({ instanceIds: ['i-01'], documentName: 'AWS-RunShellScript' });
    const inventory = run({ instanceIds: ['i-01'], documentName: 'AWS-GatherSoftwareInventory' });
    expect(shell?.severity).toBe('high');
    expect(inventory?.severity).toBe('medium');
    expect(shell?.summary).toContain('AWS-RunShellScript');
  });

  it('counts a call naming the same instances in another order as the same target set', () => {
    const a = run({ instanceIds: ['i-02', 'i-01'] });
    const b = run({ targets: [{ key: 'InstanceIds', values: ['i-01', 'i-02'] }] });
    expect(a?.distinctValue).toBe(b?.distinctValue);
  });

  it('groups by role, not by the session name the caller picked', () => {
    const a = run({ instanceIds: ['i-01'] });
    const other = cloudTrailEvent({
      ...sendCommand({ instanceIds: ['i-01'] }),
      userIdentity: identities.assumedRole('Ops', 'session-b'),
    });
    expect(detect(ssmSendCommandMultipleInstances, other)[0]?.dedupKey).toBe(a?.dedupKey);
  });

  it('shortens the summary of a call with many instances', () => {
    const ids = Array.from({ length: 12 }, (_, n) => `i-0${n.toString(16)}`);
    const finding = run({ instanceIds: ids, documentName: 'AWS-RunShellScript' });
    expect(finding?.summary).toContain('and 7 more');
    expect(finding?.resources).toHaveLength(12);
  });

  it('ignores odd request shapes', () => {
    expect(run(null)).toBeUndefined();
    expect(run({ instanceIds: { nested: true } })).toBeUndefined();
    expect(run({ targets: 'tag:Env=prod' })).toBeUndefined();
  });
});
