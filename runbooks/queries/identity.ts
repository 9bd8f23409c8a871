import { defineQuery, PRINCIPAL_MATCH } from './define.js';

/** Questions about one actor: a principal, an access key or a source address. */

export const principalTimeline = defineQuery({
  id: 'principal-timeline',
  title: 'Everything the principal did',
  description:
    'Every call by the principal (and every session of it, for a role) in the window, oldest ' +
    'first. Look for the first unusual call: it dates the compromise.',
  params: ['principal'],
  sql: `SELECT eventtime, eventsource, eventname, awsregion, recipientaccountid AS account,
       sourceipaddress, useragent, useridentity.accesskeyid AS access_key, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${PRINCIPAL_MATCH}
ORDER BY eventtime, eventid`,
});

export const accessKeyTimeline = defineQuery({
  id: 'access-key-timeline',
  title: 'Everything done with the access key',
  description:
    'Every call signed with the access key (AKIA... long-term or ASIA... session), oldest ' +
    'first, with the address and client it came from.',
  params: ['accessKeyId'],
  sql: `SELECT eventtime, useridentity.arn AS principal, eventsource, eventname, awsregion,
       sourceipaddress, useragent, errorcode, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND useridentity.accesskeyid = :accessKeyId
ORDER BY eventtime, eventid`,
});

export const sourceIpActivity = defineQuery({
  id: 'source-ip-activity',
  title: 'Everything the source address did',
  description:
    'Every call from the address, across principals and keys: shows whether one attacker ' +
    'used several identities.',
  params: ['sourceIp'],
  sql: `SELECT eventtime, useridentity.arn AS principal, useridentity.accesskeyid AS access_key,
       eventsource, eventname, awsregion, recipientaccountid AS account, errorcode, useragent, eventid
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND sourceipaddress = :sourceIp
ORDER BY eventtime, eventid`,
});

export const principalFingerprints = defineQuery({
  id: 'principal-fingerprints',
  title: 'Addresses and clients the principal used',
  description:
    'Each source address and user agent the principal called from, with first and last ' +
    'use. A new address or SDK next to the usual ones is the intruder.',
  params: ['principal'],
  sql: `SELECT sourceipaddress, useragent, count(*) AS calls,
       count_if(errorcode IS NOT NULL) AS failed_calls,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${PRINCIPAL_MATCH}
GROUP BY sourceipaddress, useragent
ORDER BY min(eventtime), sourceipaddress, useragent`,
});

export const principalRegions = defineQuery({
  id: 'principal-regions',
  title: 'Regions the principal touched',
  description:
    'Calls, writes and distinct APIs per region: activity in regions the team never uses ' +
    'points to resource abuse (mining, hidden infrastructure).',
  params: ['principal'],
  sql: `SELECT awsregion, count(*) AS calls, count_if(readonly = 'false') AS write_calls,
       count(DISTINCT eventname) AS distinct_apis,
       min(eventtime) AS first_seen, max(eventtime) AS last_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${PRINCIPAL_MATCH}
GROUP BY awsregion
ORDER BY count(*) DESC, awsregion`,
});

export const principalDiscoveryCalls = defineQuery({
  id: 'principal-discovery-calls',
  title: 'Discovery calls by the principal',
  description:
    'List/Describe/Get/Search calls grouped by API: an intruder maps the account before ' +
    'escalating, often with many failures.',
  params: ['principal'],
  sql: `SELECT eventsource, eventname, count(*) AS calls,
       count_if(errorcode IS NOT NULL) AS failed_calls, min(eventtime) AS first_seen
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND ${PRINCIPAL_MATCH}
  AND (eventname LIKE 'List%' OR eventname LIKE 'Describe%' OR eventname LIKE 'Get%'
       OR eventname LIKE 'Search%' OR eventname LIKE 'Lookup%')
GROUP BY eventsource, eventname
ORDER BY min(eventtime), eventsource, eventname`,
});

export const accessDeniedBursts = defineQuery({
  id: 'access-denied-bursts',
  title: 'Bursts of denied calls',
  description:
    'Principals and addresses with five or more denied calls in one hour: permission ' +
    'probing with stolen credentials.',
  params: [],
  sql: `SELECT substr(eventtime, 1, 13) AS hour_utc, useridentity.arn AS principal, sourceipaddress,
       count(*) AS denied_calls, count(DISTINCT eventname) AS distinct_apis
FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND eventtime BETWEEN :start AND :end
  AND (errorcode IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation',
                     'Client.UnauthorizedOperation')
       OR errorcode LIKE '%Unauthorized%')
GROUP BY 1, 2, 3
HAVING count(*) >= 5
ORDER BY count(*) DESC, 1, 2, 3`,
});
