import { defineQuery } from './define.js';

/** KMS key state changes and their fallout. */

export const kmsKeyChanges = defineQuery({
  id: 'kms-key-changes',
  title: 'KMS key state and policy changes',
  description:
    'Keys disabled, scheduled for deletion (with the waiting period), re-enabled, given a new ' +
    'policy, created or stripped of key material: both the attack and any recovery so far.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventname, awsregion,
       recipientaccountid AS account,
       json_extract_scalar(requestparameters, '$.keyId') AS key_id,
       json_extract_scalar(requestparameters, '$.pendingWindowInDays') AS pending_window_days,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'kms.amazonaws.com'
  AND eventname IN ('DisableKey', 'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKey',
                    'PutKeyPolicy', 'CreateKey', 'DeleteImportedKeyMaterial', 'ImportKeyMaterial',
                    'DisableKeyRotation', 'DeleteAlias', 'UpdateAlias', 'ReplicateKey')
ORDER BY eventtime, eventid`,
});

export const kmsKeyUseFailures = defineQuery({
  id: 'kms-key-use-failures',
  title: 'Calls failing on disabled or pending-deletion keys',
  description:
    'KMS calls refused because a key is disabled, pending deletion or gone, per key, API, ' +
    'error and caller: who and what the loss of the key breaks.',
  params: [],
  sql: `SELECT json_extract_scalar(requestparameters, '$.keyId') AS key_id, eventname, errorcode,
       coalesce(useridentity.arn, useridentity.invokedby) AS caller, count(*) AS failures,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'kms.amazonaws.com'
  AND errorcode IN ('DisabledException', 'KMSInvalidStateException', 'NotFoundException')
GROUP BY 1, 2, 3, 4
ORDER BY count(*) DESC, 1, 2, 3, 4`,
});
