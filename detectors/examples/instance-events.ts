import type { CloudTrailEvent } from '../../ingest/cloudtrail-event.js';
import { ACCOUNT, cloudTrailEvent, identities } from './events.js';

/**
 * Builders for calls made with an EC2 instance profile's credentials, as
 * CloudTrail records them: an `AssumedRole` session named after the instance,
 * `sessionContext.ec2RoleDelivery` set to the metadata service version that
 * delivered the credentials
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html).
 */

export const INSTANCE_ID = 'i-0598c7d356eba48d7';
export const INSTANCE_ROLE = 'web-proxy-instance-role';
/** The instance's own public address: inside the example AWS ranges. */
export const INSTANCE_IP = '203.0.113.10';
/** A laptop on a home connection: outside the example AWS ranges. */
export const LAPTOP_IP = '198.51.100.23';

export const USER_AGENTS = {
  /** The CLI on the instance (Amazon Linux 2023). */
  linuxCli:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.112-124.190.amzn2023.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off',
  macCli:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off command/s3.ls',
  macCliV1: 'aws-cli/1.18.69 Python/3.8.2 Darwin/19.5.0 botocore/1.16.19',
  windowsCli:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/windows#10 md/arch#amd64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off command/sts.get-caller-identity',
  windowsBoto3: 'Boto3/1.26.0 Python/3.10.8 Windows/10 Botocore/1.29.0',
  windowsBrowser:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  /** The CLI on a Windows Server 2022 instance. */
  windowsServerCli:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/windows#2022Server md/arch#amd64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/prompt#off',
  /** The CloudWatch agent on a Windows Server instance (Go SDK v1). */
  windowsAgent: 'aws-sdk-go/1.48.6 (go1.22.8; windows; amd64) CWAgent/1.300049.1',
  /** The SSM agent on an EC2 Mac instance. */
  macSsmAgent: 'aws-sdk-go/1.55.5 (go1.22.8; darwin; arm64) amazon-ssm-agent/3.3.1142.0',
} as const;

type Identity = NonNullable<CloudTrailEvent['userIdentity']>;

/** The role session EC2 opens for an instance profile, delivered by IMDSv2. */
export function instanceIdentity(
  session: string = INSTANCE_ID,
  role: string = INSTANCE_ROLE,
): Identity {
  const base = identities.assumedRole(role, session, 'false');
  return {
    ...base,
    sessionContext: { ...base.sessionContext, webIdFederationData: {}, ec2RoleDelivery: '2.0' },
  };
}

/** A management call with the instance's credentials, from the instance itself. */
export function instanceCall(overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  return cloudTrailEvent({
    eventSource: 's3.amazonaws.com',
    eventName: 'ListBuckets',
    readOnly: true,
    userIdentity: instanceIdentity(),
    sourceIPAddress: INSTANCE_IP,
    userAgent: USER_AGENTS.linuxCli,
    requestParameters: { Host: 's3.us-east-1.amazonaws.com' },
    responseElements: null,
    ...overrides,
  });
}

/** An S3 GetObject data event with the instance's credentials. */
export function instanceGetObject(overrides: Partial<CloudTrailEvent> = {}): CloudTrailEvent {
  const bucket = 'amzn-s3-demo-bucket';
  const key = 'exports/customers-2026-11.csv';
  return instanceCall({
    eventName: 'GetObject',
    requestParameters: { bucketName: bucket, Host: `${bucket}.s3.us-east-1.amazonaws.com`, key },
    additionalEventData: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': 'EXAMPLEid2/vaLuE=',
      bytesTransferredOut: 48213,
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket}/${key}` },
      { accountId: ACCOUNT, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket}` },
    ],
    eventCategory: 'Data',
    managementEvent: false,
    ...overrides,
  });
}

/** A call through an interface VPC endpoint: a private source address and the endpoint id. */
export const viaVpcEndpoint = {
  sourceIPAddress: '10.0.12.34',
  vpcEndpointId: 'vpce-0a1b2c3d4e5f67890',
} as const;
