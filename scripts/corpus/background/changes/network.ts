import { serviceLinkedActor } from '../../actors.js';
import type { Ctx } from '../../context.js';
import { pickIn } from '../../context.js';
import type { JsonObject } from '../../record.js';
import type { Template } from '../template.js';
import { change, consolePerson, namedRole, serviceRoleActor, terraform } from './common.js';

/**
 * EC2 and VPC changes of a normal week: Terraform wiring security groups (a
 * public load balancer open on 80/443, app ports from the load balancer's group
 * or the VPC range, the default all-traffic egress), public-subnet network ACLs
 * and routes, Auto Scaling launching instances, people resizing instances,
 * Terraform refreshing instance attributes and DLM pruning old snapshots.
 */

const EC2 = 'ec2.amazonaws.com';
const VPC_CIDR = '10.0.0.0/16';

interface Permission {
  readonly protocol: string;
  readonly from?: number;
  readonly to?: number;
  readonly cidr?: string;
  readonly cidrV6?: string;
  readonly group?: string;
  readonly description: string;
}

function permissionItem(p: Permission): JsonObject {
  return {
    ipProtocol: p.protocol,
    ...(p.from !== undefined ? { fromPort: p.from, toPort: p.to ?? p.from } : {}),
    groups: p.group ? { items: [{ groupId: p.group, description: p.description }] } : {},
    ipRanges: p.cidr ? { items: [{ cidrIp: p.cidr, description: p.description }] } : {},
    ipv6Ranges: p.cidrV6 ? { items: [{ cidrIpv6: p.cidrV6, description: p.description }] } : {},
    prefixListIds: {},
  };
}

/** EC2 answers with the rules it created, one per address range or group. */
function ruleSet(ctx: Ctx, groupId: string, egress: boolean, p: Permission): JsonObject {
  const target = p.cidr
    ? { cidrIpv4: p.cidr }
    : p.cidrV6
      ? { cidrIpv6: p.cidrV6 }
      : { referencedGroupInfo: { groupId: p.group, userId: ctx.account.id } };
  return {
    requestId: ctx.rng.uuid(),
    _return: true,
    securityGroupRuleSet: {
      items: [
        {
          groupOwnerId: ctx.account.id,
          groupId,
          securityGroupRuleId: `sgr-0${ctx.rng.hex(16)}`,
          isEgress: egress,
          ipProtocol: p.protocol,
          fromPort: p.from ?? -1,
          toPort: p.to ?? p.from ?? -1,
          ...target,
          description: p.description,
        },
      ],
    },
  };
}

/** The ingress rules Terraform keeps adding as services come and go. */
function ingressRule(ctx: Ctx): Permission {
  const groups = ctx.account.securityGroups[ctx.region] ?? [];
  const r = ctx.rng.next();
  if (r < 0.3) {
    // The public Application Load Balancer: HTTPS (and HTTP to redirect) from anywhere.
    const port = ctx.rng.chance(0.7) ? 443 : 80;
    return ctx.rng.chance(0.7)
      ? { protocol: 'tcp', from: port, cidr: '0.0.0.0/0', description: 'public web' }
      : { protocol: 'tcp', from: port, cidrV6: '::/0', description: 'public web' };
  }
  if (r < 0.7) {
    return {
      protocol: 'tcp',
      from: ctx.rng.pick([8080, 8443, 3000]),
      group: groups[0] ?? `sg-0${ctx.rng.hex(16)}`,
      description: 'from the load balancer',
    };
  }
  return {
    protocol: 'tcp',
    from: ctx.rng.pick([5432, 6379, 443]),
    cidr: VPC_CIDR,
    description: 'from inside the VPC',
  };
}

const INSTANCE_TYPES = [
  't3.medium',
  't3.large',
  'm6i.large',
  'm6i.xlarge',
  'c6g.large',
  'r6g.large',
];

export const networkChangeTemplates: readonly Template[] = [
  change(EC2, 'AuthorizeSecurityGroupIngress', 0.004, (ctx) => {
    const groupId = pickIn(ctx, ctx.account.securityGroups);
    const rule = ingressRule(ctx);
    return {
      actor: terraform(ctx),
      request: { groupId, ipPermissions: { items: [permissionItem(rule)] } },
      response: ruleSet(ctx, groupId, false, rule),
    };
  }),
  change(EC2, 'AuthorizeSecurityGroupEgress', 0.0015, (ctx) => {
    // Terraform re-creates the all-traffic egress rule AWS adds to every new group.
    const groupId = pickIn(ctx, ctx.account.securityGroups);
    const rule = { protocol: '-1', cidr: '0.0.0.0/0', description: 'all outbound' };
    return {
      actor: terraform(ctx),
      request: { groupId, ipPermissions: { items: [permissionItem(rule)] } },
      response: ruleSet(ctx, groupId, true, rule),
    };
  }),
  change(EC2, 'RevokeSecurityGroupIngress', 0.0015, (ctx) => ({
    actor: terraform(ctx),
    request: {
      groupId: pickIn(ctx, ctx.account.securityGroups),
      securityGroupRuleIds: { items: [{ securityGroupRuleId: `sgr-0${ctx.rng.hex(16)}` }] },
    },
    response: { requestId: ctx.rng.uuid(), _return: true },
  })),
  change(EC2, 'CreateSecurityGroup', 0.001, (ctx) => {
    const groupId = `sg-0${ctx.rng.hex(16)}`;
    const name = `${ctx.account.alias}-${ctx.rng.pick(['orders', 'payments', 'web', 'workers'])}-${ctx.rng.lower(6)}`;
    return {
      actor: terraform(ctx),
      request: {
        groupName: name,
        groupDescription: 'Managed by Terraform',
        vpcId: `vpc-0${ctx.rng.hex(16)}`,
      },
      response: {
        requestId: ctx.rng.uuid(),
        _return: true,
        groupId,
        securityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.account.id}:security-group/${groupId}`,
      },
    };
  }),
  change(EC2, 'RunInstances', 0.03, (ctx) => {
    const instanceId = `i-0${ctx.rng.hex(16)}`;
    const instanceType = ctx.rng.pick(INSTANCE_TYPES);
    const group = `${ctx.account.alias}-app-asg`;
    const subnetId = `subnet-0${ctx.rng.hex(16)}`;
    const availabilityZone = `${ctx.region}${ctx.rng.pick(['a', 'b', 'c'])}`;
    return {
      actor: serviceLinkedActor(ctx, 'autoscaling.amazonaws.com'),
      request: {
        instancesSet: { items: [{ minCount: 1, maxCount: 1 }] },
        instanceType,
        blockDeviceMapping: {},
        availabilityZone,
        monitoring: { enabled: false },
        subnetId,
        disableApiTermination: false,
        disableApiStop: false,
        clientToken: ctx.rng.uuid(),
        tagSpecificationSet: {
          items: [
            {
              resourceType: 'instance',
              tags: [{ key: 'aws:autoscaling:groupName', value: group }],
            },
          ],
        },
        launchTemplate: {
          launchTemplateId: `lt-0${ctx.rng.hex(16)}`,
          version: String(ctx.rng.int(3, 12)),
        },
      },
      response: {
        requestId: ctx.rng.uuid(),
        reservationId: `r-0${ctx.rng.hex(16)}`,
        ownerId: ctx.account.id,
        groupSet: {},
        instancesSet: {
          items: [
            {
              instanceId,
              imageId: `ami-0${ctx.rng.hex(16)}`,
              instanceState: { code: 0, name: 'pending' },
              privateDnsName: `ip-10-0-${ctx.rng.int(0, 255)}-${ctx.rng.int(1, 254)}.${ctx.region}.compute.internal`,
              amiLaunchIndex: 0,
              productCodes: {},
              instanceType,
              launchTime: Math.floor(ctx.time / 1000) * 1000,
              placement: { availabilityZone, tenancy: 'default' },
              monitoring: { state: 'disabled' },
              subnetId,
              privateIpAddress: `10.0.${ctx.rng.int(0, 255)}.${ctx.rng.int(1, 254)}`,
              architecture:
                instanceType.startsWith('c6g') || instanceType.startsWith('r6g')
                  ? 'arm64'
                  : 'x86_64',
              rootDeviceType: 'ebs',
              rootDeviceName: '/dev/xvda',
              blockDeviceMapping: {},
              virtualizationType: 'hvm',
              clientToken: ctx.rng.uuid(),
              hypervisor: 'xen',
              networkInterfaceSet: {},
              ebsOptimized: false,
              enaSupport: true,
              metadataOptions: {
                state: 'pending',
                httpTokens: 'required',
                httpPutResponseHopLimit: 2,
                httpEndpoint: 'enabled',
              },
            },
          ],
        },
      },
    };
  }),
  change(EC2, 'CreateNetworkAclEntry', 0.0008, (ctx) => {
    // A public subnet's ACL: HTTPS in, and the ephemeral ports the replies come back on.
    const ephemeral = ctx.rng.chance(0.5);
    return {
      actor: terraform(ctx),
      request: {
        networkAclId: `acl-0${ctx.rng.hex(16)}`,
        ruleNumber: ephemeral ? 120 : 100,
        egress: false,
        ruleAction: 'allow',
        icmpTypeCode: {},
        portRange: ephemeral ? { from: 1024, to: 65535 } : { from: 443, to: 443 },
        aclProtocol: '6',
        cidrBlock: '0.0.0.0/0',
      },
      response: { requestId: ctx.rng.uuid(), _return: true },
    };
  }),
  change(EC2, 'CreateRoute', 0.0008, (ctx) => ({
    actor: terraform(ctx),
    request: {
      routeTableId: `rtb-0${ctx.rng.hex(16)}`,
      destinationCidrBlock: '0.0.0.0/0',
      natGatewayId: `nat-0${ctx.rng.hex(16)}`,
    },
    response: { requestId: ctx.rng.uuid(), _return: true },
  })),
  change(EC2, 'ModifyVpcAttribute', 0.0002, (ctx) => ({
    actor: terraform(ctx),
    request: {
      vpcId: `vpc-0${ctx.rng.hex(16)}`,
      ...(ctx.rng.chance(0.5)
        ? { enableDnsHostnames: { value: true } }
        : { enableDnsSupport: { value: true } }),
    },
    response: { requestId: ctx.rng.uuid(), _return: true },
  })),
  change(EC2, 'ModifyInstanceAttribute', 0.0002, (ctx) => ({
    actor: consolePerson(ctx),
    request: ctx.rng.chance(0.5)
      ? {
          instanceId: pickIn(ctx, ctx.account.instances),
          instanceType: { value: ctx.rng.pick(INSTANCE_TYPES) },
        }
      : { instanceId: pickIn(ctx, ctx.account.instances), disableApiTermination: { value: true } },
    response: { requestId: ctx.rng.uuid(), _return: true },
  })),
  change(EC2, 'DescribeInstanceAttribute', 0.003, (ctx) => ({
    // Terraform's refresh reads the attributes of the instances it manages.
    actor: terraform(ctx),
    request: {
      instanceId: pickIn(ctx, ctx.account.instances),
      attribute: ctx.rng.pick([
        'userData',
        'disableApiTermination',
        'instanceInitiatedShutdownBehavior',
        'disableApiStop',
      ]),
    },
    readOnly: true,
  })),
  change(EC2, 'DeleteSnapshot', 0.002, (ctx) => {
    const role = namedRole(ctx.account, 'AWSDataLifecycleManagerDefaultRole', '/service-role/');
    return {
      actor: serviceRoleActor(ctx, role, 'AWSDLM', 'dlm.amazonaws.com'),
      request: { snapshotId: `snap-0${ctx.rng.hex(16)}` },
      response: { requestId: ctx.rng.uuid(), _return: true },
    };
  }),
];
