import { Rng } from '../corpus/prng.js';

/**
 * A synthetic ip-ranges.json the size of AWS's real one (about 8,000 IPv4 and
 * 2,500 IPv6 entries), for measuring and testing the lookup structure without
 * the network. Like the real file, many prefixes repeat under several services
 * (`AMAZON` and again `EC2`, `S3`, ...) and many nest inside wider ones.
 */
export interface SyntheticSize {
  readonly ipv4: number;
  readonly ipv6: number;
}

export const REAL_FILE_SIZE: SyntheticSize = { ipv4: 8000, ipv6: 2500 };

const SERVICES = ['AMAZON', 'EC2', 'S3', 'CLOUDFRONT', 'ROUTE53_HEALTHCHECKS', 'API_GATEWAY'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'GLOBAL'];

function v4Prefix(rng: Rng): string {
  const length = rng.int(12, 28);
  const value = (rng.int(1, 223) * 2 ** 24 + rng.int(0, 2 ** 24 - 1)) >>> 0;
  const size = 2 ** (32 - length);
  const first = Math.floor(value / size) * size;
  return `${[24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256).join('.')}/${length}`;
}

function v6Prefix(rng: Rng): string {
  const length = rng.pick([36, 40, 44, 48, 52, 56, 60, 64]);
  const groups = [
    0x2600 + rng.int(0, 0x3ff),
    rng.int(0, 0xffff),
    rng.int(0, 0xffff),
    rng.int(0, 0xffff),
  ];
  // Clear the bits past the prefix length within the first four groups.
  const kept = groups.map((group, i) => {
    const bits = Math.max(0, Math.min(16, length - i * 16));
    return bits === 0 ? 0 : group & (0xffff << (16 - bits)) & 0xffff;
  });
  return `${kept.map((g) => g.toString(16)).join(':')}::/${length}`;
}

function entry(rng: Rng, key: 'ip_prefix' | 'ipv6_prefix', prefix: string) {
  const region = rng.pick(REGIONS);
  return { [key]: prefix, region, service: rng.pick(SERVICES), network_border_group: region };
}

/** The file's JSON object, the same for the same seed. */
export function syntheticAwsIpRanges(seed: string, size: SyntheticSize = REAL_FILE_SIZE) {
  const rng = new Rng(seed);
  const listed = (count: number, key: 'ip_prefix' | 'ipv6_prefix', make: (r: Rng) => string) => {
    const out: Record<string, string>[] = [];
    while (out.length < count) {
      const prefix = make(rng);
      // A third of the prefixes are listed twice, as the real file lists them per service.
      const copies = rng.chance(0.33) ? 2 : 1;
      for (let i = 0; i < copies && out.length < count; i++) out.push(entry(rng, key, prefix));
    }
    return out;
  };
  return {
    syncToken: '1764795184',
    createDate: '2026-12-03-20-53-04',
    prefixes: listed(size.ipv4, 'ip_prefix', v4Prefix),
    ipv6_prefixes: listed(size.ipv6, 'ipv6_prefix', v6Prefix),
  };
}
