import { describe, expect, it } from 'vitest';
import {
  FUNCTION_ARN,
  URL,
  urlConfig,
} from '../../../detectors/lambda/lambda-function-url-no-auth.examples.js';
import { lambdaFunctionUrlNoAuth } from '../../../detectors/lambda/lambda-function-url-no-auth.js';
import { detect } from '../../helpers/detect.js';
import { failed, identities } from '../../helpers/events.js';

describe('Detector: lambda-function-url-no-auth', () => {
  it('fires when a function URL is created with auth type NONE', () => {
    // Act
    const findings = detect(lambdaFunctionUrlNoAuth, urlConfig('NONE'));

    // Assess
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.resources).toEqual([FUNCTION_ARN]);
    expect(findings[0]?.summary).toContain('created a function URL with no auth');
    expect(findings[0]?.summary).toContain(URL);
  });

  it('fires when an existing URL is switched to NONE', () => {
    const event = urlConfig('NONE', {
      eventName: 'UpdateFunctionUrlConfig20211031',
      userIdentity: identities.ssoUser(),
    });

    expect(detect(lambdaFunctionUrlNoAuth, event)[0]?.summary).toContain('switched');
  });

  it('ignores AWS_IAM auth', () => {
    expect(detect(lambdaFunctionUrlNoAuth, urlConfig('AWS_IAM'))).toEqual([]);
  });

  it('ignores an update that leaves authType unchanged', () => {
    const event = urlConfig(undefined, { eventName: 'UpdateFunctionUrlConfig20211031' });

    expect(detect(lambdaFunctionUrlNoAuth, event)).toEqual([]);
  });

  it('ignores a failed call', () => {
    expect(detect(lambdaFunctionUrlNoAuth, failed(urlConfig('NONE')))).toEqual([]);
  });

  it('ignores the same event name from another event source', () => {
    const event = urlConfig('NONE', { eventSource: 'other.amazonaws.com' });

    expect(detect(lambdaFunctionUrlNoAuth, event)).toEqual([]);
  });

  it('ignores null request parameters and a non-string authType', () => {
    expect(detect(lambdaFunctionUrlNoAuth, urlConfig('NONE', { requestParameters: null }))).toEqual(
      [],
    );
    expect(detect(lambdaFunctionUrlNoAuth, urlConfig(['NONE']))).toEqual([]);
  });
});
