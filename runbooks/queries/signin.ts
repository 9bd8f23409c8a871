import { defineQuery } from './define.js';

/** Console sign-in and root use. */

export const rootActivity = defineQuery({
  id: 'root-activity',
  title: 'Root user activity in the account',
  description:
    'Calls made as the root user (console actions included, calls AWS services made on ' +
    "root's behalf excluded), with MFA use for sign-ins.",
  params: ['account'],
  sql: `SELECT eventtime, eventsource, eventname, awsregion, sourceipaddress, useragent, errorcode,
       json_extract_scalar(additionaleventdata, '$.MFAUsed') AS mfa_used, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND useridentity.type = 'Root' AND useridentity.accountid = :account
  AND eventtype <> 'AwsServiceEvent'
  AND (useridentity.invokedby IS NULL OR useridentity.invokedby = 'signin.amazonaws.com')
ORDER BY eventtime, eventid`,
});

export const consoleLogins = defineQuery({
  id: 'console-logins',
  title: 'Console sign-ins to the account',
  description:
    'Every ConsoleLogin with its result and MFA use: who signed in from where, and which ' +
    'attempts failed.',
  params: ['account'],
  sql: `SELECT eventtime, useridentity.type AS identity_type,
       coalesce(useridentity.arn, useridentity.username) AS principal, sourceipaddress, useragent,
       json_extract_scalar(responseelements, '$.ConsoleLogin') AS result,
       json_extract_scalar(additionaleventdata, '$.MFAUsed') AS mfa_used, errormessage, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'signin.amazonaws.com' AND eventname = 'ConsoleLogin'
  AND recipientaccountid = :account
ORDER BY eventtime, eventid`,
});

export const consoleLoginFailuresByIp = defineQuery({
  id: 'console-login-failures-by-ip',
  title: 'Failed console sign-ins per address',
  description:
    'Failed ConsoleLogin attempts grouped by source address: many users from one address is ' +
    'password spraying, many attempts on one user is brute force.',
  params: [],
  sql: `SELECT sourceipaddress, count(*) AS failures,
       count(DISTINCT coalesce(useridentity.arn, useridentity.username)) AS distinct_users,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'signin.amazonaws.com' AND eventname = 'ConsoleLogin'
  AND json_extract_scalar(responseelements, '$.ConsoleLogin') = 'Failure'
GROUP BY sourceipaddress
ORDER BY count(*) DESC, sourceipaddress`,
});

export const consoleLoginsFromIp = defineQuery({
  id: 'console-logins-from-ip',
  title: 'Console sign-ins from the address',
  description:
    'Every sign-in attempt from the address, in order: a success after a run of failures ' +
    'means the attacker got in.',
  params: ['sourceIp'],
  sql: `SELECT eventtime, coalesce(useridentity.arn, useridentity.username) AS principal,
       recipientaccountid AS account,
       json_extract_scalar(responseelements, '$.ConsoleLogin') AS result,
       json_extract_scalar(additionaleventdata, '$.MFAUsed') AS mfa_used, errormessage, useragent,
       eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND eventsource = 'signin.amazonaws.com' AND eventname = 'ConsoleLogin'
  AND sourceipaddress = :sourceIp
ORDER BY eventtime, eventid`,
});
