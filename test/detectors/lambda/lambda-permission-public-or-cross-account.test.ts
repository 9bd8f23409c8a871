import { describe, expect, it } from 'vitest';
import {
  addLayerPermission,
  addPermission,
} from '../../../detectors/lambda/lambda-permission-public-or-cross-account.examples.js';
import { lambdaPermissionPublicOrCrossAccount as detector } from '../../../detectors/lambda/lambda-permission-public-or-cross-account.js';
import { detect } from '../../helpers/detect.js';
import { ACCOUNT, failed, identities, OTHER_ACCOUNT } from '../../helpers/events.js';

describe('Detector: lambda-permission-public-or-cross-account', () => {
  describe('function grants that fire', () => {
    it('fires high when anyone may invoke the function', () => {
      // Act
      const findings = detect(detector, addPermission({ principal: '*' }));

      // Assess
      expect(findings).toHaveLength(1);
      expect(findings[0]?.severity).toBe('high');
      expect(findings[0]?.resources).toEqual(['orders-api']);
      expect(findings[0]?.summary).toContain('any AWS principal (public)');
    });

    it('fires critical when anyone may call a function URL without auth', () => {
      const event = addPermission({
        principal: '*',
        action: 'lambda:InvokeFunctionUrl',
        functionUrlAuthType: 'NONE',
      });

      expect(detect(detector, event)[0]?.severity).toBe('critical');
    });

    it('fires high for an untrusted account id', () => {
      const findings = detect(detector, addPermission({ principal: OTHER_ACCOUNT }));

      expect(findings[0]?.severity).toBe('high');
      expect(findings[0]?.summary).toContain(`account ${OTHER_ACCOUNT}`);
    });

    it('fires high for a role ARN in an untrusted account', () => {
      const event = addPermission({ principal: `arn:aws:iam::${OTHER_ACCOUNT}:role/attacker` });

      expect(detect(detector, event)[0]?.summary).toContain(`account ${OTHER_ACCOUNT}`);
    });

    it('fires high when a service may invoke on behalf of a foreign source account', () => {
      const event = addPermission({
        principal: 's3.amazonaws.com',
        sourceArn: 'arn:aws:s3:::attacker-bucket',
        sourceAccount: OTHER_ACCOUNT,
      });

      const findings = detect(detector, event);

      expect(findings[0]?.severity).toBe('high');
      expect(findings[0]?.summary).toContain(`resources in account ${OTHER_ACCOUNT}`);
    });

    it('fires medium for a service principal without sourceArn or sourceAccount', () => {
      const findings = detect(detector, addPermission({ principal: 'events.amazonaws.com' }));

      expect(findings[0]?.severity).toBe('medium');
      expect(findings[0]?.summary).toContain('no sourceArn or sourceAccount');
    });

    it('fires medium when the source ARN leaves the account open', () => {
      const event = addPermission({
        principal: 'apigateway.amazonaws.com',
        sourceArn: 'arn:aws:execute-api:ap-southeast-1::*',
      });

      expect(detect(detector, event)[0]?.severity).toBe('medium');
    });
  });

  describe('function grants that do not fire', () => {
    it('ignores S3 invoking with sourceArn and sourceAccount (CI deploy)', () => {
      const event = addPermission(
        {
          principal: 's3.amazonaws.com',
          sourceArn: 'arn:aws:s3:::orders-uploads',
          sourceAccount: ACCOUNT,
        },
        { userIdentity: identities.assumedRole('GitHubActionsDeploy', 'run-42') },
      );

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores API Gateway invoking with a source ARN in the own account', () => {
      const event = addPermission({
        principal: 'apigateway.amazonaws.com',
        sourceArn: `arn:aws:execute-api:us-east-1:${ACCOUNT}:3c8y72vp6f/*/POST/orders`,
      });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores a principal in the own account', () => {
      const event = addPermission({ principal: `arn:aws:iam::${ACCOUNT}:role/worker` });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores a principal in a trusted account', () => {
      const event = addPermission({ principal: OTHER_ACCOUNT });

      expect(detect(detector, event, { trustedAccounts: [OTHER_ACCOUNT] })).toEqual([]);
    });

    it("uses the function ARN's account as the own account", () => {
      const event = addPermission({
        functionName: `arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:function:orders-api`,
        principal: OTHER_ACCOUNT,
      });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores anyone restricted to the organisation', () => {
      const event = addPermission({ principal: '*', principalOrgID: 'o-a1b2c3d4e5' });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores a failed call', () => {
      expect(detect(detector, failed(addPermission({ principal: '*' })))).toEqual([]);
    });

    it('ignores RemovePermission', () => {
      const event = addPermission({ principal: '*' }, { eventName: 'RemovePermission20150331v2' });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores null request parameters and a non-string principal', () => {
      expect(detect(detector, addPermission({}, { requestParameters: null }))).toEqual([]);
      expect(detect(detector, addPermission({ principal: { AWS: '*' } }))).toEqual([]);
    });
  });

  describe('layer grants', () => {
    it('fires high when a layer version is made public', () => {
      const findings = detect(detector, addLayerPermission({ principal: '*' }));

      expect(findings[0]?.severity).toBe('high');
      expect(findings[0]?.summary).toContain('shared layer shared-utils version 3');
    });

    it('fires medium when a layer is shared with an untrusted account', () => {
      const findings = detect(detector, addLayerPermission({ principal: OTHER_ACCOUNT }));

      expect(findings[0]?.severity).toBe('medium');
    });

    it('ignores a layer shared with the organisation', () => {
      const event = addLayerPermission({ principal: '*', organizationId: 'o-a1b2c3d4e5' });

      expect(detect(detector, event)).toEqual([]);
    });

    it('ignores a layer shared with a trusted account', () => {
      const event = addLayerPermission({ principal: OTHER_ACCOUNT });

      expect(detect(detector, event, { trustedAccounts: [OTHER_ACCOUNT] })).toEqual([]);
    });
  });
});
