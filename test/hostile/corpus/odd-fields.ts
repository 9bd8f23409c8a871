import { ACCOUNT, cloudTrailEvent, failed, identities } from '../../helpers/events.js';
import { caseList, listUsers, logGz, objectInput, stopLogging } from './build.js';
import { type HostileCase, STOPPED } from './types.js';

/** Catalog §D: records with missing, extra or odd-typed fields. */
export function oddFields(): HostileCase[] {
  const { cases, add } = caseList();
  const record = (overrides: Record<string, unknown>) => ({ ...listUsers(), ...overrides });
  const without = (field: string) => {
    const r: Record<string, unknown> = { ...listUsers() };
    delete r[field];
    return r;
  };
  add({
    id: 'D1-event-versions',
    catalog: ['D1'],
    title: 'eventVersion 1.05, 1.08, 1.11, 1.99, 2.0 and missing',
    input: objectInput(
      'D1-event-versions',
      logGz([
        ...['1.05', '1.08', '1.11', '1.99', '2.0'].map((v) => record({ eventVersion: v })),
        without('eventVersion'),
      ]),
    ),
    expect: { outcome: 'P', events: 6 },
  });
  add({
    id: 'D2-missing-event-id',
    catalog: ['D2'],
    title: 'an alerting event without eventID',
    input: objectInput(
      'D2-missing-event-id',
      logGz([{ ...stopLogging('case-D2'), eventID: undefined }]),
    ),
    expect: { outcome: 'P', events: 1, alerts: { [STOPPED]: 1 } },
  });
  add({
    id: 'D3-event-times',
    catalog: ['D3'],
    title:
      'eventTime 30 days old (read); unparseable, in 2099 and missing (rejected: ingest/event-time.ts)',
    input: objectInput(
      'D3-event-times',
      logGz([
        record({ eventTime: 'yesterday' }),
        record({ eventTime: '2026-10-21T10:00:00Z' }),
        record({ eventTime: '2099-01-01T00:00:00Z' }),
        without('eventTime'),
      ]),
    ),
    expect: { outcome: 'Q', events: 1, codes: ['invalid-record'] },
  });
  add({
    id: 'D4-request-parameters-shapes',
    catalog: ['D4', 'D5'],
    title:
      'requestParameters null, absent, truncated ({omitted}); a string and an array are rejected',
    input: objectInput(
      'D4-request-parameters-shapes',
      logGz([
        record({ requestParameters: null, responseElements: null }),
        without('requestParameters'),
        record({ requestParameters: { omitted: true } }),
        record({ requestParameters: 'name=trail' }),
        record({ requestParameters: ['a'] }),
      ]),
    ),
    expect: { outcome: 'Q', events: 3, codes: ['invalid-record'] },
  });
  const identityCases: Record<string, unknown>[] = [
    identities.root(),
    identities.iamUser('case-D6'),
    identities.assumedRole('Admin', 'case-D6'),
    { ...identities.assumedRole('Admin', 'x'), type: 'Role' },
    identities.federatedUser(),
    identities.awsAccount(),
    identities.awsService(),
    identities.samlUser(),
    identities.webIdentityUser(),
    identities.identityCenterUser(),
    { type: 'Directory', principalId: 'D-1234567890', userName: 'dir-user' },
    { type: 'Unknown', principalId: 'x' },
    { principalId: 'no-type' },
    { type: null },
  ];
  add({
    id: 'D6-identity-types',
    catalog: ['D6'],
    title:
      'StopLogging by every userIdentity type, type missing or null (AWS writes null), and userIdentity missing',
    input: objectInput(
      'D6-identity-types',
      logGz([
        ...identityCases.map((userIdentity) => ({ ...stopLogging('x'), userIdentity })),
        { ...stopLogging('x'), userIdentity: undefined },
      ]),
    ),
    expect: { outcome: 'P', events: 15, alerts: { [STOPPED]: 'some' } },
  });
  add({
    id: 'D7-hidden-user-name',
    catalog: ['D7'],
    title: 'failed console sign-in with userName HIDDEN_DUE_TO_SECURITY_REASONS',
    input: objectInput(
      'D7-hidden-user-name',
      logGz([
        cloudTrailEvent({
          eventSource: 'signin.amazonaws.com',
          eventName: 'ConsoleLogin',
          eventType: 'AwsConsoleSignIn',
          userIdentity: {
            type: 'IAMUser',
            principalId: 'HIDDEN_DUE_TO_SECURITY_REASONS',
            accountId: ACCOUNT,
            userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
          },
          responseElements: { ConsoleLogin: 'Failure' },
          errorMessage: 'No username found in supplied account',
          additionalEventData: { MFAUsed: 'No', LoginTo: 'https://console.aws.amazon.com' },
        }),
      ]),
    ),
    expect: { outcome: 'P', events: 1 },
  });
  add({
    id: 'D8-session-context-shapes',
    catalog: ['D8'],
    title:
      'sessionContext absent, sessionIssuer {}, webIdFederationData {}, mfaAuthenticated boolean',
    input: objectInput(
      'D8-session-context-shapes',
      logGz([
        record({ userIdentity: { ...identities.assumedRole(), sessionContext: undefined } }),
        record({
          userIdentity: {
            ...identities.assumedRole(),
            sessionContext: {
              sessionIssuer: {},
              webIdFederationData: {},
              attributes: { mfaAuthenticated: true },
            },
          },
        }),
      ]),
    ),
    expect: { outcome: 'P', events: 2 },
  });
  add({
    id: 'D9-error-codes',
    catalog: ['D9'],
    title:
      'StopLogging failed (AccessDenied: an attempt, *Exception: nothing), and with an empty errorCode (a success)',
    input: objectInput(
      'D9-error-codes',
      logGz([
        failed(stopLogging('case-D9-denied')),
        stopLogging('case-D9-exception', {
          errorCode: 'TrailNotFoundException',
          errorMessage: 'Unknown trail',
        }),
        stopLogging('case-D9-empty', { errorCode: '' }),
      ]),
    ),
    // The success alerts, and the denied call alerts apart as an attempt.
    expect: { outcome: 'P', events: 3, alerts: { [STOPPED]: 2 } },
  });
  add({
    id: 'D10-flag-types',
    catalog: ['D10'],
    title: 'readOnly as "true", managementEvent absent, eventCategory Data and NetworkActivity',
    input: objectInput(
      'D10-flag-types',
      logGz([
        record({ readOnly: 'true' }),
        without('managementEvent'),
        record({ eventCategory: 'Data' }),
        record({ eventCategory: 'NetworkActivity' }),
      ]),
    ),
    expect: { outcome: 'P', events: 4 },
  });
  add({
    id: 'D11-unknown-fields',
    catalog: ['D11'],
    title: 'tlsDetails, eventContext and invented future fields',
    input: objectInput(
      'D11-unknown-fields',
      logGz([
        record({
          tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256' },
          eventContext: { x: 1 },
          futureField2030: [{ nested: true }],
        }),
      ]),
    ),
    expect: { outcome: 'P', events: 1 },
  });
  add({
    id: 'D12-event-types',
    catalog: ['D12'],
    title: 'eventType AwsServiceEvent, AwsConsoleAction and an unknown one',
    input: objectInput(
      'D12-event-types',
      logGz([
        record({
          eventType: 'AwsServiceEvent',
          userIdentity: { accountId: ACCOUNT, invokedBy: 'ec2.amazonaws.com' },
        }),
        record({ eventType: 'AwsConsoleAction' }),
        record({ eventType: 'SomethingNew' }),
      ]),
    ),
    expect: { outcome: 'P', events: 3 },
  });
  add({
    id: 'D13-source-ip-shapes',
    catalog: ['D13'],
    title: 'sourceIPAddress AWS Internal, a service host, IPv6 and garbage',
    input: objectInput(
      'D13-source-ip-shapes',
      logGz(
        ['AWS Internal', 'ec2.amazonaws.com', '2001:db8::1', '999.1.1.1; rm -rf /'].map((ip) =>
          stopLogging('case-D13', { sourceIPAddress: ip }),
        ),
      ),
    ),
    expect: { outcome: 'P', events: 4, alerts: { [STOPPED]: 1 } },
  });
  add({
    id: 'D14-core-field-types',
    catalog: ['D14'],
    title: 'eventName 42 and eventSource ["x"] between good records',
    input: objectInput(
      'D14-core-field-types',
      logGz([listUsers(), record({ eventName: 42 }), record({ eventSource: ['x'] }), listUsers()]),
    ),
    expect: { outcome: 'Q', events: 2, codes: ['invalid-record'] },
  });
  add({
    id: 'D15-100kb-request-parameters',
    catalog: ['D15'],
    title: 'an alerting event whose requestParameters hold ~100 KB',
    input: objectInput(
      'D15-100kb-request-parameters',
      logGz([
        stopLogging('case-D15', {
          requestParameters: {
            name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`,
            padding: 'p'.repeat(100_000),
          },
        }),
      ]),
    ),
    expect: { outcome: 'P', events: 1, alerts: { [STOPPED]: 1 } },
  });

  return cases;
}
