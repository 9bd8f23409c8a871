import { parseAwsIpRanges } from '../helpers/aws-ip-ranges-file.js';

/**
 * A small ip-ranges.json in AWS's documented format
 * (https://docs.aws.amazon.com/vpc/latest/userguide/aws-ip-syntax.html) for
 * examples and tests. Its prefixes are documentation ranges (RFC 5737, RFC 3849),
 * never real hosts: 203.0.113.0/24 and 2001:db8:1234::/48 stand for AWS, and
 * 198.51.100.0/24 and the rest of 2001:db8::/32 for the rest of the internet.
 */
export const EXAMPLE_AWS_IP_RANGES_JSON = {
  syncToken: '1764795184',
  createDate: '2026-12-03-20-53-04',
  prefixes: [
    {
      ip_prefix: '203.0.113.0/24',
      region: 'us-east-1',
      service: 'AMAZON',
      network_border_group: 'us-east-1',
    },
    {
      ip_prefix: '203.0.113.0/25',
      region: 'us-east-1',
      service: 'EC2',
      network_border_group: 'us-east-1',
    },
    {
      ip_prefix: '192.0.2.0/24',
      region: 'eu-west-1',
      service: 'AMAZON',
      network_border_group: 'eu-west-1',
    },
  ],
  ipv6_prefixes: [
    {
      ipv6_prefix: '2001:db8:1234::/48',
      region: 'us-east-1',
      service: 'AMAZON',
      network_border_group: 'us-east-1',
    },
    {
      ipv6_prefix: '2001:db8:1234:8000::/56',
      region: 'us-east-1',
      service: 'EC2',
      network_border_group: 'us-east-1',
    },
  ],
};

/** {@link EXAMPLE_AWS_IP_RANGES_JSON}, built: what `settings.awsIpRanges` holds. */
export const EXAMPLE_AWS_IP_RANGES = parseAwsIpRanges(
  JSON.stringify(EXAMPLE_AWS_IP_RANGES_JSON),
  'example ip-ranges.json',
);
