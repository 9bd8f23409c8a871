import { defineQuery } from './define.js';

/** API Gateway authorization and WAF changes. */

export const apiProtectionChanges = defineQuery({
  id: 'api-protection-changes',
  title: 'API Gateway authorization and WAF changes',
  description:
    'Methods, routes, authorizers and stages changed on API Gateway; web ACLs removed, ' +
    'deleted or edited on WAF (v2, classic, regional); CloudFront distributions updated.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventsource, eventname, awsregion,
       recipientaccountid AS account,
       coalesce(json_extract_scalar(requestparameters, '$.restApiId'),
                json_extract_scalar(requestparameters, '$.apiId'),
                json_extract_scalar(requestparameters, '$.resourceArn'),
                json_extract_scalar(requestparameters, '$.name'),
                json_extract_scalar(requestparameters, '$.webACLId'),
                json_extract_scalar(requestparameters, '$.id')) AS target,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ((eventsource = 'apigateway.amazonaws.com'
        AND eventname IN ('UpdateMethod', 'PutMethod', 'DeleteAuthorizer', 'UpdateAuthorizer',
                          'UpdateRoute', 'UpdateStage', 'UpdateRestApi', 'UpdateApi'))
       OR (eventsource IN ('wafv2.amazonaws.com', 'waf.amazonaws.com', 'waf-regional.amazonaws.com')
           AND eventname IN ('DisassociateWebACL', 'DeleteWebACL', 'UpdateWebACL',
                             'DeleteRuleGroup', 'UpdateRuleGroup', 'UpdateIPSet',
                             'DeleteLoggingConfiguration'))
       OR (eventsource = 'cloudfront.amazonaws.com' AND eventname = 'UpdateDistribution'))
ORDER BY eventtime, eventid`,
});
