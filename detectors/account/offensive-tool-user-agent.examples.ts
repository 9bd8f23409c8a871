import { cloudTrailEvent, identities } from '../examples/events.js';
import type { DetectorExamples } from '../types.js';

const callerIdentity = (userAgent: string) =>
  cloudTrailEvent({
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    readOnly: true,
    userIdentity: identities.iamUser('ci-deploy'),
    sourceIPAddress: '198.51.100.66',
    userAgent,
  });

export const examples: DetectorExamples = {
  fire: [
    {
      name: 'AWS CLI v2 on Kali Linux',
      events: [
        callerIdentity(
          'aws-cli/2.15.30 md/awscrt#0.19.19 ua/2.0 os/linux#6.6.9-amd64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython md/distrib#kali.2024 prompt/off command/sts.get-caller-identity',
        ),
      ],
    },
    {
      name: 'boto3 on a Kali kernel',
      events: [
        callerIdentity('Boto3/1.34.0 Python/3.11.8 Linux/6.5.0-kali3-amd64 Botocore/1.34.0'),
      ],
    },
    { name: 'TruffleHog verifying a leaked key', events: [callerIdentity('TruffleHog')] },
    {
      name: 'Pacu session',
      events: [callerIdentity('aws-sdk-go/1.44.0 (go1.21; linux; amd64) pacu/1.5.3')],
    },
    {
      name: 'CloudFox enumeration (medium)',
      events: [callerIdentity('aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21 cloudfox/1.13.0')],
    },
  ],
  noFire: [
    {
      name: 'AWS CLI on Ubuntu',
      events: [
        callerIdentity(
          'aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux#6.8.0-45-generic md/arch#x86_64 lang/python#3.12.4 md/distrib#ubuntu.24 prompt/off command/sts.get-caller-identity',
        ),
      ],
    },
    {
      name: 'S3 Browser desktop client is an ordinary tool',
      events: [callerIdentity('S3 Browser/11.4.5 https://s3browser.com')],
    },
    {
      name: 'a word merely containing "pacu"',
      events: [callerIdentity('Mozilla/5.0 (compatible; Pacuare-Monitor/2.1)')],
    },
    { name: 'console calls', events: [callerIdentity('AWS Internal')] },
  ],
};
