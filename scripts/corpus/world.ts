import type { Rng } from './prng.js';

/**
 * The simulated organisation the corpus describes: accounts, their roles, users
 * and resources. Built once per seed, before any file, so every event refers to
 * things that exist (a Decrypt names a real key of that account and region).
 */

/** An IAM role as CloudTrail names it in `sessionIssuer`. */
export interface Role {
  readonly name: string;
  /** `arn:aws:iam::<acct>:role/<path><name>`. */
  readonly arn: string;
  /** `AROA...`: the role's unique id, the first half of an assumed-role principalId. */
  readonly id: string;
}

export interface IamUser {
  readonly name: string;
  readonly arn: string;
  readonly id: string;
  readonly accessKeyId: string;
}

export interface LambdaFunction {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly role: Role;
  readonly runtime: string;
}

/** Per-region lists; every configured region has a non-empty list. */
export type RegionMap<T> = Readonly<Record<string, readonly T[]>>;

export interface Account {
  readonly id: string;
  readonly alias: string;
  readonly ssoRoles: readonly Role[];
  readonly ciRole: Role;
  readonly instanceRole: Role;
  readonly taskRole: Role;
  readonly irsaRole: Role;
  readonly crossAccountRole: Role;
  /** Assumed by people federated through a SAML identity provider (Okta). */
  readonly samlRole: Role;
  readonly serviceLinked: readonly { role: Role; service: string; session: string }[];
  readonly users: readonly IamUser[];
  readonly functions: readonly LambdaFunction[];
  /** Functions per region (a region without its own borrows the full list). */
  readonly functionsIn: RegionMap<LambdaFunction>;
  /** Bucket names per region. */
  readonly buckets: RegionMap<string>;
  /** KMS key ids (UUIDs) per region. */
  readonly keys: RegionMap<string>;
  readonly instances: RegionMap<string>;
  readonly securityGroups: RegionMap<string>;
  readonly vpcEndpoints: RegionMap<string>;
  readonly restApis: RegionMap<string>;
  readonly tables: RegionMap<string>;
  readonly logGroups: readonly string[];
}

export interface World {
  readonly orgId: string;
  readonly accounts: readonly Account[];
  readonly regions: readonly string[];
  /** Where IAM, STS global endpoint, sign-in and Organizations events are logged. */
  readonly globalRegion: string;
  /** The organisation trail (owned by the management account, home region = globalRegion). */
  readonly trailName: string;
  readonly trailBucket: string;
  readonly trailArn: string;
  /** An account outside the organisation: publishes the foreign Lambda layer. */
  readonly foreignAccount: string;
  /** A vendor account outside the organisation that assumes a role in ours (AWSAccount identity). */
  readonly partnerAccount: string;
  /** Human users of IAM Identity Center. */
  readonly people: readonly string[];
}

const DEFAULT_ACCOUNT_IDS = ['111122223333', '444455556666', '777788889999'];
const ALIASES = ['management', 'prod', 'dev', 'staging', 'security', 'data', 'shared-services'];
const PEOPLE = [
  'maria.garcia',
  'wei.chen',
  'amara.okafor',
  'lucas.martin',
  'priya.nair',
  'tom.becker',
  'sofia.rossi',
  'kenji.sato',
  'nadia.haddad',
  'oliver.smith',
];
const FUNCTIONS: readonly [string, string][] = [
  ['orders-api', 'nodejs20.x'],
  ['payments-webhook', 'nodejs20.x'],
  ['thumbnail-resizer', 'python3.12'],
  ['nightly-report', 'python3.12'],
  ['audit-forwarder', 'nodejs22.x'],
  ['user-signup', 'nodejs22.x'],
  ['inventory-sync', 'java21'],
  ['email-sender', 'python3.13'],
];
const SERVICE_LINKED: readonly [string, string, string][] = [
  ['AWSServiceRoleForAutoScaling', 'autoscaling.amazonaws.com', 'AutoScaling'],
  ['AWSServiceRoleForConfig', 'config.amazonaws.com', 'AWSConfig-Describe'],
  ['AWSServiceRoleForECS', 'ecs.amazonaws.com', 'ecs-service-scheduler'],
  [
    'AWSServiceRoleForElasticLoadBalancing',
    'elasticloadbalancing.amazonaws.com',
    'ElasticLoadBalancing',
  ],
];

function roleId(rng: Rng): string {
  return `AROA${rng.upper(17)}`;
}

function makeRole(rng: Rng, account: string, name: string, path = '/'): Role {
  return { name, arn: `arn:aws:iam::${account}:role${path}${name}`, id: roleId(rng) };
}

function accountIds(rng: Rng, count: number): string[] {
  const ids = DEFAULT_ACCOUNT_IDS.slice(0, count);
  while (ids.length < count) {
    const id = rng.digits(12);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

function buildAccount(rng: Rng, id: string, alias: string, regions: readonly string[]): Account {
  const ssoRoles = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess'].map((set) =>
    makeRole(rng, id, `AWSReservedSSO_${set}_${rng.hex(16)}`, '/aws-reserved/sso.amazonaws.com/'),
  );
  const functions = FUNCTIONS.map(([name, runtime], i) => {
    const region = regions[i % regions.length] as string;
    const role = makeRole(rng, id, `${name}-role-${rng.lower(8)}`, '/service-role/');
    const arn = `arn:aws:lambda:${region}:${id}:function:${name}`;
    return { name, arn, region, role, runtime };
  });
  const perRegion = (make: (region: string, i: number) => string, each: number) =>
    Object.fromEntries(
      regions.map((region) => [region, Array.from({ length: each }, (_, i) => make(region, i))]),
    );
  const functionsIn = Object.fromEntries(
    regions.map((region) => {
      const here = functions.filter((f) => f.region === region);
      return [region, here.length > 0 ? here : functions];
    }),
  );
  const bucketKinds = ['app-assets', 'data-lake', 'backups', 'static-site', 'exports'];
  return {
    id,
    alias,
    ssoRoles,
    ciRole: makeRole(rng, id, 'github-actions-deploy'),
    instanceRole: makeRole(rng, id, `${alias}-app-server-instance-role`),
    taskRole: makeRole(rng, id, `${alias}-ecs-task-role`),
    irsaRole: makeRole(rng, id, `${alias}-eks-external-dns`),
    crossAccountRole: makeRole(rng, id, 'monitoring-vendor-readonly'),
    samlRole: makeRole(rng, id, 'okta-engineering'),
    serviceLinked: SERVICE_LINKED.map(([name, service, session]) => ({
      role: makeRole(rng, id, name, `/aws-service-role/${service}/`),
      service,
      session,
    })),
    users: ['svc-backup', 'legacy-reporting', 'jenkins', 'sam.ops'].map((name) => ({
      name,
      arn: `arn:aws:iam::${id}:user/${name}`,
      id: `AIDA${rng.upper(17)}`,
      accessKeyId: `AKIA${rng.upper(16)}`,
    })),
    functions,
    functionsIn,
    buckets: perRegion(
      (region, i) =>
        `${alias}-${bucketKinds[i % bucketKinds.length]}-${region === 'us-east-1' ? '' : `${region}-`}${id}`,
      3,
    ),
    keys: perRegion(() => rng.uuid(), 3),
    instances: perRegion(() => `i-0${rng.hex(16)}`, 4),
    securityGroups: perRegion(() => `sg-0${rng.hex(16)}`, 3),
    vpcEndpoints: perRegion(() => `vpce-0${rng.hex(16)}`, 1),
    restApis: perRegion(() => rng.lower(10), 1),
    tables: perRegion((_, i) => ['orders', 'sessions', 'inventory'][i] as string, 3),
    logGroups: functions.map((f) => `/aws/lambda/${f.name}`),
  };
}

/** Builds the organisation for a seed. */
export function buildWorld(rng: Rng, accountCount: number, regions: readonly string[]): World {
  const ids = accountIds(rng, accountCount);
  const accounts = ids.map((id, i) =>
    buildAccount(rng, id, ALIASES[i] ?? `workload-${i}`, regions),
  );
  const globalRegion = regions.includes('us-east-1') ? 'us-east-1' : (regions[0] as string);
  const management = accounts[0] as Account;
  const trailName = 'org-management-events';
  return {
    orgId: `o-${rng.lower(10)}`,
    accounts,
    regions,
    globalRegion,
    trailName,
    trailBucket: `aws-cloudtrail-logs-${management.id}-${rng.hex(8)}`,
    trailArn: `arn:aws:cloudtrail:${globalRegion}:${management.id}:trail/${trailName}`,
    foreignAccount: '999988887777',
    partnerAccount: '123456789012',
    people: PEOPLE,
  };
}
