import { describe, expect, it } from 'vitest';
import { guestCredentials } from '../../../detectors/cognito/cognito-unauthenticated-credentials.examples.js';
import { cognitoUnauthenticatedCredentials } from '../../../detectors/cognito/cognito-unauthenticated-credentials.js';
import { detect } from '../../helpers/detect.js';

const POOL = 'us-east-1:2dg778b3-50b7-565c-0f56-34200EXAMPLE';

describe('Detector: cognito-unauthenticated-credentials', () => {
  it('names the pool from the resources and the client from the user agent', () => {
    const [finding] = detect(cognitoUnauthenticatedCredentials, guestCredentials());

    expect(finding?.severity).toBe('medium');
    expect(finding?.summary).toBe(
      `198.51.100.23 got guest credentials (GetCredentialsForIdentity) from ${POOL} with aws-cli/2.17.0`,
    );
    expect(finding?.resources).toEqual([POOL]);
  });

  it('treats an empty logins map as a guest, and any login token as signed in', () => {
    const guest = guestCredentials({
      requestParameters: { identityId: 'us-east-1:x', logins: {} },
    });
    const signedIn = guestCredentials({
      requestParameters: { identityId: 'us-east-1:x', logins: { 'accounts.google.com': 'HIDDEN' } },
    });

    expect(detect(cognitoUnauthenticatedCredentials, guest)).toHaveLength(1);
    expect(detect(cognitoUnauthenticatedCredentials, signedIn)).toEqual([]);
  });

  it.each([
    ['a browser', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15'],
    ['the iOS SDK', 'aws-sdk-iOS/2.36.0 iOS/17.5 en_US'],
    ['React Native', 'aws-sdk-js/3.621.0 ua/2.1 os/ios lang/js md/rn api/cognito-identity#3.621.0'],
  ])('stays quiet for %s', (_label, userAgent) => {
    expect(detect(cognitoUnauthenticatedCredentials, guestCredentials({ userAgent }))).toEqual([]);
  });

  it('keys alerts on the pool, not on the user agent the caller chooses', () => {
    const a = detect(
      cognitoUnauthenticatedCredentials,
      guestCredentials({ userAgent: 'curl/8.5.0' }),
    );
    const b = detect(
      cognitoUnauthenticatedCredentials,
      guestCredentials({ userAgent: 'Go-http-client/1.1' }),
    );

    expect(a[0]?.dedupKey).toBe(b[0]?.dedupKey);
  });

  it('falls back to the region of the identity id when no pool is named', () => {
    const event = guestCredentials({ resources: null, userAgent: undefined });

    expect(detect(cognitoUnauthenticatedCredentials, event)[0]?.summary).toBe(
      '198.51.100.23 got guest credentials (GetCredentialsForIdentity) from an identity pool in us-east-1 with no user agent',
    );
  });
});
