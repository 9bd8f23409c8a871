import { describe, expect, it } from 'vitest';
import {
  layer,
  POWERTOOLS_ACCOUNT,
  updateConfiguration,
} from '../../../detectors/lambda/lambda-foreign-layer.examples.js';
import { lambdaForeignLayer } from '../../../detectors/lambda/lambda-foreign-layer.js';
import { detect } from '../../helpers/detect.js';
import {
  ACCOUNT,
  cloudTrailEvent,
  failed,
  identities,
  OTHER_ACCOUNT,
} from '../../helpers/events.js';

describe('Detector: lambda-foreign-layer', () => {
  it('fires when a layer from an untrusted account is attached', () => {
    // Prepare
    const event = updateConfiguration({ layers: [layer(OTHER_ACCOUNT)] });

    // Act
    const findings = detect(lambdaForeignLayer, event);

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual(['orders-api', layer(OTHER_ACCOUNT)]);
    expect(findings[0]?.summary).toContain(`from account ${OTHER_ACCOUNT}`);
  });

  it('fires on CreateFunction with a foreign layer given as an {arn} object', () => {
    const event = cloudTrailEvent({
      eventSource: 'lambda.amazonaws.com',
      eventName: 'CreateFunction20150331',
      requestParameters: {
        functionName: 'fresh',
        runtime: 'python3.13',
        role: `arn:aws:iam::${ACCOUNT}:role/fresh`,
        handler: 'app.handler',
        layers: { arn: layer(OTHER_ACCOUNT) },
      },
    });

    expect(detect(lambdaForeignLayer, event)).toHaveLength(1);
  });

  it('fires on the foreign layer among own and trusted ones', () => {
    const event = updateConfiguration({
      layers: [layer(ACCOUNT, 'shared'), layer(POWERTOOLS_ACCOUNT), layer(OTHER_ACCOUNT)],
    });

    const findings = detect(lambdaForeignLayer, event, {
      trustedLayerPublishers: [POWERTOOLS_ACCOUNT],
    });

    expect(findings[0]?.resources).toEqual(['orders-api', layer(OTHER_ACCOUNT)]);
  });

  it('recognises the layers AWS publishes (Lambda Insights, Powertools, Parameters and Secrets)', () => {
    const event = updateConfiguration({
      layers: [
        'arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension-Arm64:20',
        layer(POWERTOOLS_ACCOUNT, 'AWSLambdaPowertoolsPythonV3-python313-arm64', 7),
        'arn:aws:lambda:eu-west-1:015030872274:layer:AWS-Parameters-and-Secrets-Lambda-Extension:12',
      ],
    });

    expect(detect(lambdaForeignLayer, event)).toEqual([]);
  });

  it('vouches only for the layer names AWS publishes from its accounts', () => {
    const event = updateConfiguration({ layers: [layer(POWERTOOLS_ACCOUNT)] });

    expect(detect(lambdaForeignLayer, event)).toHaveLength(1);
  });

  it('ignores a CI role updating environment and memory without layers', () => {
    const event = updateConfiguration(
      { memorySize: 1024, environment: {} },
      { userIdentity: identities.assumedRole('GitHubActionsDeploy', 'run-42') },
    );

    expect(detect(lambdaForeignLayer, event)).toEqual([]);
  });

  it('ignores a layer from the same account', () => {
    expect(detect(lambdaForeignLayer, updateConfiguration({ layers: [layer(ACCOUNT)] }))).toEqual(
      [],
    );
  });

  it('ignores a layer from a trusted publisher', () => {
    const event = updateConfiguration({ layers: [layer(POWERTOOLS_ACCOUNT)] });

    expect(
      detect(lambdaForeignLayer, event, { trustedLayerPublishers: [POWERTOOLS_ACCOUNT] }),
    ).toEqual([]);
  });

  it('ignores a layer from a trusted organisation account', () => {
    const event = updateConfiguration({ layers: [layer(OTHER_ACCOUNT)] });

    expect(detect(lambdaForeignLayer, event, { trustedAccounts: [OTHER_ACCOUNT] })).toEqual([]);
  });

  it("uses the function ARN's account as the own account", () => {
    const event = updateConfiguration({
      functionName: `arn:aws:lambda:us-east-1:${OTHER_ACCOUNT}:function:orders-api`,
      layers: [layer(OTHER_ACCOUNT)],
    });

    expect(detect(lambdaForeignLayer, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    const event = failed(updateConfiguration({ layers: [layer(OTHER_ACCOUNT)] }));

    expect(detect(lambdaForeignLayer, event)).toEqual([]);
  });

  it('ignores odd layer values and null request parameters', () => {
    expect(
      detect(lambdaForeignLayer, updateConfiguration({ layers: [null, 42, 'not-an-arn', {}] })),
    ).toEqual([]);
    expect(
      detect(lambdaForeignLayer, updateConfiguration({}, { requestParameters: null })),
    ).toEqual([]);
  });
});
