import { cloudTrailEvent, failed, identities } from '../examples/events.js';
import type { CloudTrailEvent, DetectorExamples } from '../types.js';

const CERT =
  '-----BEGIN CERTIFICATE-----\nMIICiTCCAfICCQD6m7oRw0uXOjANBgkqhkiG9w0BAQUFADCBiDELMAkGA1UEBhMC\n-----END CERTIFICATE-----';

/** UploadSigningCertificate: the certificate body (and user) in, its id and status out. */
export const uploadSigningCert = (
  requestParameters: Record<string, unknown>,
  overrides: Partial<CloudTrailEvent> = {},
) =>
  cloudTrailEvent({
    eventSource: 'iam.amazonaws.com',
    eventName: 'UploadSigningCertificate',
    userIdentity: identities.assumedRole('Admin', 'mallory'),
    requestParameters,
    responseElements: {
      certificate: {
        userName: 'svc-ami-builder',
        certificateId: 'ID123456789012345EXAMPLE',
        status: 'Active',
        uploadDate: 'Nov 20, 2026 10:00:00 AM',
      },
    },
    ...overrides,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'certificate for a service user (high)',
      events: [uploadSigningCert({ userName: 'svc-ami-builder', certificateBody: CERT })],
    },
    {
      name: 'a user registers one for itself',
      events: [
        uploadSigningCert({ certificateBody: CERT }, { userIdentity: identities.iamUser('alice') }),
      ],
    },
    {
      name: 'refused attempt',
      events: [failed(uploadSigningCert({ userName: 'svc-ami-builder', certificateBody: CERT }))],
    },
  ],
  noFire: [
    {
      name: 'malformed certificate',
      events: [
        failed(uploadSigningCert({ certificateBody: 'not a cert' }), 'MalformedCertificate'),
      ],
    },
    {
      name: 'two certificates already',
      events: [
        failed(
          uploadSigningCert({ userName: 'svc-ami-builder', certificateBody: CERT }),
          'LimitExceeded',
        ),
      ],
    },
  ],
};
