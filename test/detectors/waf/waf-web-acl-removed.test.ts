import { describe, expect, it } from 'vitest';
import {
  ALB_ARN,
  WEB_ACL_ID,
  wafCall,
} from '../../../detectors/waf/waf-web-acl-removed.examples.js';
import { wafWebAclRemoved } from '../../../detectors/waf/waf-web-acl-removed.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, failed } from '../../helpers/events.js';

const disassociate = (eventSource?: string) =>
  wafCall('DisassociateWebACL', { resourceArn: ALB_ARN }, eventSource);

describe('Detector: waf-web-acl-removed', () => {
  it('fires when a WAFv2 web ACL is taken off a load balancer', () => {
    // Act
    const findings = detect(wafWebAclRemoved, disassociate());

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([ALB_ARN]);
    expect(findings[0]?.summary).toContain(`removed the WAF web ACL from ${ALB_ARN}`);
  });

  it('fires for classic WAF Regional disassociation', () => {
    expect(detect(wafWebAclRemoved, disassociate('waf-regional.amazonaws.com'))).toHaveLength(1);
  });

  it('fires medium when a WAFv2 web ACL is deleted, naming it by ARN', () => {
    const event = wafCall('DeleteWebACL', {
      name: 'shop-acl',
      scope: 'REGIONAL',
      id: WEB_ACL_ID,
      lockToken: 'token',
    });

    const findings = detect(wafWebAclRemoved, event);

    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.resources).toEqual([
      `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/shop-acl/${WEB_ACL_ID}`,
    ]);
  });

  it('fires medium when a classic global web ACL is deleted', () => {
    const event = wafCall(
      'DeleteWebACL',
      { webACLId: WEB_ACL_ID, changeToken: 'abcd' },
      'waf.amazonaws.com',
    );

    expect(detect(wafWebAclRemoved, event)[0]?.resources).toEqual([WEB_ACL_ID]);
  });

  it('ignores AssociateWebACL', () => {
    const event = wafCall('AssociateWebACL', { resourceArn: ALB_ARN, webACLArn: 'arn:x' });

    expect(detect(wafWebAclRemoved, event)).toEqual([]);
  });

  it('ignores UpdateWebACL', () => {
    const event = wafCall('UpdateWebACL', { name: 'shop-acl', scope: 'REGIONAL', id: WEB_ACL_ID });

    expect(detect(wafWebAclRemoved, event)).toEqual([]);
  });

  it('ignores a failed disassociation', () => {
    const event = failed(disassociate(), 'WAFNonexistentItemException', 'not found');

    expect(detect(wafWebAclRemoved, event)).toEqual([]);
  });

  it('ignores DisassociateWebACL from classic global WAF, which has no such call', () => {
    expect(detect(wafWebAclRemoved, disassociate('waf.amazonaws.com'))).toEqual([]);
  });

  it('ignores the same event name from another event source', () => {
    expect(detect(wafWebAclRemoved, disassociate('other.amazonaws.com'))).toEqual([]);
  });

  it('still reports a disassociation with null request parameters', () => {
    const findings = detect(wafWebAclRemoved, wafCall('DisassociateWebACL', null));

    expect(findings[0]?.resources).toEqual(['unknown resource']);
  });
});
