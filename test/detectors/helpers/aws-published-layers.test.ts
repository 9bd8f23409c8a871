import { describe, expect, it } from 'vitest';
import { isAwsPublishedLayer } from '../../../detectors/helpers/aws-published-layers.js';

describe('isAwsPublishedLayer', () => {
  it('recognises Lambda Insights, Parameters and Secrets and Powertools layer versions', () => {
    for (const arn of [
      'arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension:53',
      'arn:aws:lambda:af-south-1:012438385374:layer:LambdaInsightsExtension-Arm64:13',
      'arn:aws:lambda:ap-southeast-2:665172237481:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:12',
      'arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV3-python313-x86_64:7',
      'arn:aws:lambda:us-west-2:094274105915:layer:AWSLambdaPowertoolsTypeScriptV2:40',
      'arn:aws-cn:lambda:cn-north-1:488211338238:layer:LambdaInsightsExtension:14',
    ]) {
      expect(isAwsPublishedLayer(arn), arn).toBe(true);
    }
  });

  it('needs the layer name to match its AWS publisher account', () => {
    expect(isAwsPublishedLayer('arn:aws:lambda:us-east-1:580247275435:layer:backdoor:1')).toBe(
      false,
    );
    expect(
      isAwsPublishedLayer('arn:aws:lambda:us-east-1:017000801446:layer:LambdaInsightsExtension:53'),
    ).toBe(false);
  });

  it('rejects other accounts, unversioned ARNs and odd input', () => {
    expect(
      isAwsPublishedLayer('arn:aws:lambda:us-east-1:999988887777:layer:LambdaInsightsExtension:53'),
    ).toBe(false);
    expect(
      isAwsPublishedLayer('arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension'),
    ).toBe(false);
    expect(isAwsPublishedLayer('')).toBe(false);
    expect(
      isAwsPublishedLayer(
        `arn:aws:lambda:us-east-1:580247275435:layer:LambdaInsightsExtension${'x'.repeat(300)}:1`,
      ),
    ).toBe(false);
  });
});
