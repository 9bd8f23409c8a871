import type { Ctx } from './context.js';
import { pickIn } from './context.js';
import type { Rng } from './prng.js';
import type { Actor, Identity } from './record.js';
import { isoSeconds } from './time.js';
import type { Account, IamUser, LambdaFunction, Role } from './world.js';

/**
 * The principals of the simulated organisation, as CloudTrail's `userIdentity`
 * shows them, with the source IPs and user agents each kind typically has.
 */

const USER_AGENTS = {
  cli: 'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1.112-124.190.amzn2023.x86_64 md/arch#x86_64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#amzn.2023 md/prompt#off',
  cliMac:
    'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/macos#24.1.0 md/arch#arm64 lang/python#3.12.6 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off',
  node: 'aws-sdk-js/3.691.0 ua/2.1 os/linux#5.10.227-239.884.amzn2.x86_64 lang/js md/nodejs#20.18.0 exec-env/AWS_Lambda_nodejs20.x m/E,N',
  python:
    'Boto3/1.35.54 md/Botocore#1.35.54 ua/2.0 os/linux#5.10.227-219.884.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.7 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.35.54',
  java: 'aws-sdk-java/2.29.6 Linux/5.10.227-219.884.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. exec-env/AWS_Lambda_java21 io/sync http/Apache cfg/retry-mode/legacy',
  ssmAgent: 'aws-sdk-go/1.55.5 (go1.22.8; linux; amd64) amazon-ssm-agent/3.3.1142.0',
  terraform:
    'APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.75.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.32.3 ua/2.1 os/linux lang/go#1.23.2 md/GOOS#linux md/GOARCH#amd64',
  externalDns:
    'aws-sdk-go-v2/1.30.4 ua/2.1 os/linux lang/go#1.22.6 md/GOOS#linux md/GOARCH#amd64 api/route53#1.43.1 external-dns/v0.15.0',
  ecsApp:
    'aws-sdk-java/2.29.6 Linux/6.1.115-126.197.amzn2023.x86_64 OpenJDK_64-Bit_Server_VM/17.0.13+11-LTS Java/17.0.13 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/async http/NettyNio cfg/retry-mode/standard',
  browser:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  browserWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  vendor: 'aws-sdk-go/1.44.327 (go1.21.4; linux; amd64) monitoring-vendor-collector/7.48',
} as const;

export { USER_AGENTS };

/** A public address in ranges AWS uses for NAT gateways and Lambda egress. */
export function awsPublicIp(rng: Rng): string {
  return `${rng.pick([3, 18, 34, 44, 52, 54])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/**
 * The one public address an instance egresses from (its public IP or its NAT
 * gateway's), derived from the instance id so every call of the instance agrees:
 * real instance credentials are seen from one address, and a second one is the
 * signal `instance-credentials-multiple-ips` looks for.
 */
export function instancePublicIp(instance: string): string {
  let h = 2166136261;
  for (let i = 0; i < instance.length; i++) h = Math.imul(h ^ instance.charCodeAt(i), 16777619);
  const u = h >>> 0;
  const first = [3, 18, 34, 44, 52, 54][u % 6];
  return `${first}.${(u >>> 8) & 255}.${(u >>> 16) & 255}.${((u >>> 24) % 254) + 1}`;
}

/** A VPC-private address (calls through an interface endpoint show these). */
export function privateIp(rng: Rng): string {
  return `10.${rng.int(0, 31)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Offices and homes of the people (documentation ranges, never real hosts). */
export function officeIp(rng: Rng): string {
  return `198.51.100.${rng.int(1, 254)}`;
}

function sessionCreated(ctx: Ctx): string {
  return isoSeconds(ctx.time - ctx.rng.int(60, 3500) * 1000);
}

interface SessionOptions {
  readonly mfa?: boolean;
  readonly invokedBy?: string;
  readonly ec2RoleDelivery?: boolean;
  readonly webIdProvider?: string;
}

/** An `AssumedRole` identity with its `sessionContext`, as role sessions appear in every service. */
export function assumedRole(
  ctx: Ctx,
  account: Account,
  role: Role,
  session: string,
  options: SessionOptions = {},
): Identity {
  const sessionContext: Record<string, unknown> = {
    sessionIssuer: {
      type: 'Role',
      principalId: role.id,
      arn: role.arn,
      accountId: account.id,
      userName: role.name,
    },
  };
  if (options.webIdProvider) {
    sessionContext.webIdFederationData = {
      federatedProvider: options.webIdProvider,
      attributes: {},
    };
  } else {
    sessionContext.webIdFederationData = {};
  }
  sessionContext.attributes = {
    creationDate: sessionCreated(ctx),
    mfaAuthenticated: options.mfa ? 'true' : 'false',
  };
  if (options.ec2RoleDelivery) sessionContext.ec2RoleDelivery = '2.0';
  const identity: Identity = {
    type: 'AssumedRole',
    principalId: `${role.id}:${session}`,
    arn: `arn:aws:sts::${account.id}:assumed-role/${role.name}/${session}`,
    accountId: account.id,
    accessKeyId: `ASIA${ctx.rng.upper(16)}`,
    sessionContext,
  };
  if (options.invokedBy) identity.invokedBy = options.invokedBy;
  return identity;
}

/** A Lambda function's execution role. */
export function lambdaActor(
  ctx: Ctx,
  fn: LambdaFunction = pickIn(ctx, ctx.account.functionsIn),
): Actor {
  const ua = fn.runtime.startsWith('python')
    ? USER_AGENTS.python
    : fn.runtime.startsWith('java')
      ? USER_AGENTS.java
      : USER_AGENTS.node;
  return {
    identity: assumedRole(ctx, ctx.account, fn.role, fn.name),
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: ua,
    key: fn.role.arn,
  };
}

/** An EC2 instance profile session: named after the instance, delivered over IMDSv2. */
export function instanceActor(ctx: Ctx, viaEndpoint = ctx.rng.chance(0.4)): Actor {
  const instance = pickIn(ctx, ctx.account.instances);
  const role = ctx.account.instanceRole;
  return {
    identity: assumedRole(ctx, ctx.account, role, instance, { ec2RoleDelivery: true }),
    sourceIp: viaEndpoint ? privateIp(ctx.rng) : instancePublicIp(instance),
    userAgent: ctx.rng.chance(0.5) ? USER_AGENTS.ssmAgent : USER_AGENTS.cli,
    key: role.arn,
    ...(viaEndpoint ? { vpceId: pickIn(ctx, ctx.account.vpcEndpoints) } : {}),
  };
}

/** An ECS task role: the session name is the task id. */
export function taskActor(ctx: Ctx): Actor {
  const role = ctx.account.taskRole;
  return {
    identity: assumedRole(ctx, ctx.account, role, ctx.rng.hex(32)),
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: USER_AGENTS.ecsApp,
    key: role.arn,
  };
}

/** An EKS pod using IAM roles for service accounts (web identity federation). */
export function irsaActor(ctx: Ctx): Actor {
  const role = ctx.account.irsaRole;
  const provider = `arn:aws:iam::${ctx.account.id}:oidc-provider/oidc.eks.${ctx.region}.amazonaws.com/id/${ctx.account.id.slice(0, 4)}B2C8D539D4633E53DE1B71EXAMPLE`;
  return {
    identity: assumedRole(ctx, ctx.account, role, `${ctx.rng.digits(19)}`, {
      webIdProvider: provider,
    }),
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: USER_AGENTS.externalDns,
    key: role.arn,
  };
}

/** The CI pipeline's role, assumed from GitHub Actions through OIDC. */
export function ciActor(ctx: Ctx): Actor {
  const role = ctx.account.ciRole;
  const provider = `arn:aws:iam::${ctx.account.id}:oidc-provider/token.actions.githubusercontent.com`;
  return {
    identity: assumedRole(ctx, ctx.account, role, 'GitHubActions', { webIdProvider: provider }),
    sourceIp: `20.${ctx.rng.int(0, 255)}.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`,
    userAgent: USER_AGENTS.terraform,
    key: role.arn,
  };
}

/** A person signed in through IAM Identity Center, using the console or the CLI. */
export function ssoActor(
  ctx: Ctx,
  roleIndex = ctx.rng.chance(0.6) ? 1 : ctx.rng.int(0, 2),
  person = ctx.rng.pick(ctx.world.people),
  console = ctx.rng.chance(0.6),
): Actor {
  const role = ctx.account.ssoRoles[roleIndex] ?? (ctx.account.ssoRoles[0] as Role);
  return {
    identity: assumedRole(ctx, ctx.account, role, `${person}@example.com`),
    sourceIp: officeIp(ctx.rng),
    userAgent: console ? 'AWS Internal' : USER_AGENTS.cliMac,
    key: role.arn,
    ...(console ? { console: true } : {}),
  };
}

/** A service-linked role acting for its service (`invokedBy` names the service). */
export function serviceLinkedActor(ctx: Ctx, only?: string): Actor {
  const linked = ctx.account.serviceLinked;
  const { role, service, session } = linked.find((s) => s.service === only) ?? ctx.rng.pick(linked);
  return {
    identity: assumedRole(ctx, ctx.account, role, session, { invokedBy: service }),
    sourceIp: service,
    userAgent: service,
    key: role.arn,
  };
}

/** An AWS service calling on its own behalf (`type: AWSService`). */
export function serviceActor(service: string): Actor {
  return {
    identity: { type: 'AWSService', invokedBy: service },
    sourceIp: service,
    userAgent: service,
    key: service,
  };
}

/** An IAM user with a long-term access key (machine users; people use SSO). */
export function iamUserActor(
  ctx: Ctx,
  user: IamUser = ctx.rng.pick(ctx.account.users.slice(0, 3)),
): Actor {
  return {
    identity: {
      type: 'IAMUser',
      principalId: user.id,
      arn: user.arn,
      accountId: ctx.account.id,
      accessKeyId: user.accessKeyId,
      userName: user.name,
    },
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: ctx.rng.chance(0.5) ? USER_AGENTS.cli : USER_AGENTS.python,
    key: user.arn,
  };
}

/**
 * A principal of another account, as the resource owner's trail records it
 * (`type: AWSAccount`): only the account and the principal id are known.
 */
export function partnerActor(ctx: Ctx): Actor {
  const account = ctx.world.partnerAccount;
  return {
    identity: {
      type: 'AWSAccount',
      principalId: `AROA${ctx.rng.upper(17)}:collector-${ctx.rng.digits(10)}`,
      accountId: account,
    },
    sourceIp: awsPublicIp(ctx.rng),
    userAgent: USER_AGENTS.vendor,
    key: `account:${account}`,
  };
}

/** A workload principal, in the proportions a typical account shows. */
export function workloadActor(ctx: Ctx): Actor {
  const r = ctx.rng.next();
  if (r < 0.5) return lambdaActor(ctx);
  if (r < 0.7) return instanceActor(ctx);
  if (r < 0.82) return taskActor(ctx);
  if (r < 0.88) return irsaActor(ctx);
  if (r < 0.91) return ciActor(ctx);
  if (r < 0.95) return ssoActor(ctx);
  return iamUserActor(ctx);
}
