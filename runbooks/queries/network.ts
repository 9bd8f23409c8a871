import { defineQuery } from './define.js';

/** Changes that open networks to the internet. */

export const networkExposureChanges = defineQuery({
  id: 'network-exposure-changes',
  title: 'Network changes that open access',
  description:
    'Security group and network ACL rules, routes, internet gateways, peering, Elastic IPs ' +
    'and RDS changes, with the first CIDR and port of each security group rule.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, awsregion,
       recipientaccountid AS account,
       coalesce(json_extract_scalar(requestparameters, '$.groupId'),
                json_extract_scalar(requestparameters, '$.networkAclId'),
                json_extract_scalar(requestparameters, '$.routeTableId'),
                json_extract_scalar(requestparameters, '$.internetGatewayId'),
                json_extract_scalar(requestparameters, '$.instanceId'),
                json_extract_scalar(requestparameters, '$.dBInstanceIdentifier')) AS target,
       coalesce(json_extract_scalar(requestparameters, '$.ipPermissions.items[0].ipRanges.items[0].cidrIp'),
                json_extract_scalar(requestparameters, '$.ipPermissions.items[0].ipv6Ranges.items[0].cidrIpv6'),
                json_extract_scalar(requestparameters, '$.cidrBlock'),
                json_extract_scalar(requestparameters, '$.destinationCidrBlock')) AS cidr,
       json_extract_scalar(requestparameters, '$.ipPermissions.items[0].fromPort') AS from_port,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventname IN ('AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
                    'ModifySecurityGroupRules', 'CreateNetworkAclEntry', 'ReplaceNetworkAclEntry',
                    'CreateRoute', 'ReplaceRoute', 'CreateInternetGateway', 'AttachInternetGateway',
                    'AssociateAddress', 'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection',
                    'ModifyInstanceAttribute', 'ModifyDBInstance')
ORDER BY eventtime, eventid`,
});
