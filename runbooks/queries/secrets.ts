import { defineQuery, PRINCIPAL_MATCH } from './define.js';

/** Secrets Manager, SSM Parameter Store and EC2 password reads. */

const SECRET_READS = `eventname IN ('GetSecretValue', 'BatchGetSecretValue', 'GetParameter', 'GetParameters',
                    'GetParametersByPath', 'GetPasswordData')`;

const SECRET_NAME = `coalesce(json_extract_scalar(requestparameters, '$.secretId'),
                json_extract_scalar(requestparameters, '$.name'),
                json_extract_scalar(requestparameters, '$.path'),
                json_extract_scalar(requestparameters, '$.instanceId'))`;

export const secretReads = defineQuery({
  id: 'secret-reads',
  title: 'Secret reads per principal and secret',
  description:
    'Reads of secrets, parameters and EC2 passwords grouped by principal and secret: one ' +
    'principal reading many secrets it never read before is collection.',
  params: [],
  sql: `SELECT coalesce(useridentity.arn, useridentity.invokedby) AS principal, eventsource, eventname,
       ${SECRET_NAME} AS secret,
       count(*) AS reads, count_if(errorcode IS NOT NULL) AS failed,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${SECRET_READS}
GROUP BY 1, 2, 3, 4
ORDER BY count(*) DESC, 1, 2, 3, 4`,
});

export const secretReadsByPrincipal = defineQuery({
  id: 'secret-reads-by-principal',
  title: 'Secrets the principal read',
  description:
    'Each secret, parameter (with decryption flag) and EC2 password the principal read, in ' +
    'order: the list of secrets to rotate.',
  params: ['principal'],
  sql: `SELECT eventtime, eventsource, eventname, ${SECRET_NAME} AS secret,
       json_extract_scalar(requestparameters, '$.withDecryption') AS with_decryption,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${PRINCIPAL_MATCH}
  AND ${SECRET_READS}
ORDER BY eventtime, eventid`,
});

export const secretPolicyChanges = defineQuery({
  id: 'secret-policy-changes',
  title: 'Secret policies, values and replication changed',
  description:
    'Resource policies put or deleted, secrets deleted, overwritten or replicated, and ' +
    'parameters deleted or overwritten: persistence and destruction around the reads.',
  params: [],
  sql: `SELECT eventtime, useridentity.arn AS actor, eventsource, eventname,
       coalesce(json_extract_scalar(requestparameters, '$.secretId'),
                json_extract_scalar(requestparameters, '$.name')) AS target,
       sourceipaddress, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ((eventsource = 'secretsmanager.amazonaws.com'
        AND eventname IN ('PutResourcePolicy', 'DeleteResourcePolicy', 'DeleteSecret',
                          'UpdateSecret', 'PutSecretValue', 'ReplicateSecretToRegions',
                          'StopReplicationToReplica', 'RestoreSecret'))
       OR (eventsource = 'ssm.amazonaws.com'
           AND eventname IN ('DeleteParameter', 'DeleteParameters', 'PutParameter')))
ORDER BY eventtime, eventid`,
});
