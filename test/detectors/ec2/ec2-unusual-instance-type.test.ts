import { describe, expect, it } from 'vitest';
import { ec2UnusualInstanceType } from '../../../detectors/ec2/ec2-unusual-instance-type.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent, failed } from '../../helpers/events.js';

const launch = (instanceType: string, awsRegion = 'us-east-1') =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    awsRegion,
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] },
      instanceType,
    },
  });

describe('Detector: ec2-unusual-instance-type attempts', () => {
  it('reports a GPU launch refused for lack of permission as an attempt, one level lower', () => {
    const [finding] = detect(
      ec2UnusualInstanceType,
      failed(launch('p5.48xlarge'), 'Client.UnauthorizedOperation'),
    );

    expect(finding?.attempt).toEqual({ errorCode: 'Client.UnauthorizedOperation' });
    expect(finding?.severity).toBe('low');
    expect(finding?.summary).toMatch(
      /^Attempted, failed with Client\.UnauthorizedOperation: .*p5\.48xlarge/,
    );
  });

  it('still reports a launch refused for vCPU quota, apart from successes', () => {
    const [attempt] = detect(
      ec2UnusualInstanceType,
      failed(launch('g5.12xlarge'), 'Client.VcpuLimitExceeded'),
    );
    const [success] = detect(ec2UnusualInstanceType, launch('g5.12xlarge'));

    expect(attempt?.attempt?.errorCode).toBe('Client.VcpuLimitExceeded');
    expect(success?.attempt).toBeUndefined();
    expect(attempt?.dedupKey).not.toBe(success?.dedupKey);
  });

  it('keeps the region rule for attempts: outside the allowed regions a denial is medium', () => {
    const [finding] = detect(
      ec2UnusualInstanceType,
      failed(launch('p4d.24xlarge', 'ap-southeast-3'), 'Client.UnauthorizedOperation'),
      { allowedRegions: ['us-east-1'] },
    );
    expect(finding?.severity).toBe('medium');
  });

  it('says nothing about a refused everyday instance', () => {
    expect(
      detect(ec2UnusualInstanceType, failed(launch('t3.micro'), 'Client.UnauthorizedOperation')),
    ).toEqual([]);
  });
});
