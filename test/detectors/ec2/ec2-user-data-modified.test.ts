import { describe, expect, it } from 'vitest';
import { ec2UserDataModified } from '../../../detectors/ec2/ec2-user-data-modified.js';
import { detect } from '../../helpers/detect.js';
import { cloudTrailEvent } from '../../helpers/events.js';

const modify = (requestParameters: Record<string, unknown> | null) =>
  cloudTrailEvent({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'ModifyInstanceAttribute',
    requestParameters,
  });

describe('Detector: ec2-user-data-modified', () => {
  it.each([
    ['the content as its own key', { instanceId: 'i-01', userData: '<sensitiveDataRemoved>' }],
    ['the content wrapped in a value object', { instanceId: 'i-01', userData: { value: 'x' } }],
    ['the attribute named in any case', { instanceId: 'i-01', attribute: 'USERDATA' }],
  ])('fires for %s', (_name, request) => {
    expect(detect(ec2UserDataModified, modify(request))[0]?.resources).toEqual(['i-01']);
  });

  it.each([
    ['requestParameters null', null],
    ['userData null', { instanceId: 'i-01', userData: null }],
    ['attribute of the wrong type', { instanceId: 'i-01', attribute: ['userData'] }],
  ])('ignores %s', (_name, request) => {
    expect(detect(ec2UserDataModified, modify(request))).toEqual([]);
  });
});
