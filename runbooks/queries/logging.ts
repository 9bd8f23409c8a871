import { defineQuery } from './define.js';

/** Defence evasion against CloudTrail, GuardDuty, Config, flow logs, alarms and access logs. */

export const loggingChanges = defineQuery({
  id: 'logging-changes',
  title: 'Logging and detection switched off or narrowed',
  description:
    'Trails stopped, deleted or narrowed; GuardDuty, Config, Security Hub, flow logs, log ' +
    'groups, alarms and S3 access logging changed. One actor doing several is deliberate.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventsource, eventname,
       coalesce(json_extract_scalar(requestparameters, '$.name'),
                json_extract_scalar(requestparameters, '$.trailName'),
                json_extract_scalar(requestparameters, '$.detectorId'),
                json_extract_scalar(requestparameters, '$.configurationRecorderName'),
                json_extract_scalar(requestparameters, '$.logGroupName'),
                json_extract_scalar(requestparameters, '$.bucketName')) AS target,
       awsregion, recipientaccountid AS account, sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventname IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors',
                    'PutAdvancedEventSelectors', 'PutInsightSelectors', 'DeleteEventDataStore',
                    'StopEventDataStoreIngestion', 'DeleteDetector', 'UpdateDetector',
                    'DeleteMembers', 'DisassociateFromAdministratorAccount',
                    'DisassociateFromMasterAccount', 'StopConfigurationRecorder',
                    'DeleteConfigurationRecorder', 'DeleteDeliveryChannel', 'DeleteFlowLogs',
                    'DeleteLogGroup', 'DeleteLogStream', 'PutRetentionPolicy', 'PutBucketLogging',
                    'DisableSecurityHub', 'DeleteAlarms', 'DisableAlarmActions')
ORDER BY eventtime, eventid`,
});
