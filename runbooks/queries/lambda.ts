import { defineQuery, FUNCTION_MATCH } from './define.js';

/** Lambda backdoors and abuse. Lambda logs versioned names (UpdateFunctionCode20150331v2). */

export const lambdaFunctionChanges = defineQuery({
  id: 'lambda-function-changes',
  title: 'Changes to the function',
  description:
    'Every write call on the function: code and configuration updates, permissions (with ' +
    'the principal granted), URL configs (with auth type), event source mappings.',
  params: ['functionName'],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, awsregion,
       recipientaccountid AS account, sourceipaddress,
       json_extract_scalar(requestparameters, '$.principal') AS granted_to,
       json_extract_scalar(requestparameters, '$.authType') AS url_auth_type, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'lambda.amazonaws.com'
  AND eventname NOT LIKE 'Get%' AND eventname NOT LIKE 'List%' AND eventname <> 'Invoke'
  AND ${FUNCTION_MATCH}
ORDER BY eventtime, eventid`,
});

export const lambdaInvocationsByHour = defineQuery({
  id: 'lambda-invocations-by-hour',
  title: 'Invocations of the function per hour and caller',
  description:
    'Invoke calls per hour, caller and address (requires Lambda data events): a spike from ' +
    'a new caller after a permission change is the backdoor in use.',
  params: ['functionName'],
  sql: `SELECT substr(eventtime, 1, 13) AS hour_utc,
       coalesce(useridentity.arn, useridentity.invokedby, useridentity.accountid) AS caller,
       sourceipaddress, count(*) AS invocations, count_if(errorcode IS NOT NULL) AS failed
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'lambda.amazonaws.com' AND eventname = 'Invoke'
  AND ${FUNCTION_MATCH}
GROUP BY 1, 2, 3
ORDER BY 1, count(*) DESC, 2, 3`,
});

export const lambdaChangesInWindow = defineQuery({
  id: 'lambda-changes-in-window',
  title: 'Function changes across the account',
  description:
    'Functions created or changed, permissions added, URLs and layers published in the ' +
    'window: finds the other functions the same actor touched.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, awsregion,
       recipientaccountid AS account,
       json_extract_scalar(requestparameters, '$.functionName') AS function_name,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'lambda.amazonaws.com'
  AND (eventname LIKE 'CreateFunction%' OR eventname LIKE 'UpdateFunctionCode%'
       OR eventname LIKE 'UpdateFunctionConfiguration%' OR eventname LIKE 'AddPermission%'
       OR eventname LIKE 'AddLayerVersionPermission%' OR eventname LIKE 'PublishLayerVersion%'
       OR eventname LIKE 'CreateEventSourceMapping%' OR eventname LIKE 'UpdateFunctionUrlConfig%')
ORDER BY eventtime, eventid`,
});
