import { defineQuery } from './define.js';

/**
 * Queries over S3 server access logs (table `s3_access_logs`). As in the
 * AWS-documented RegexSerDe table, absent fields are the string '-', and
 * `requestdatetime` is the text inside the brackets.
 */

export const accessLogAnonymousRequests = defineQuery({
  id: 'access-log-anonymous-requests',
  title: 'Anonymous requests to the bucket (access logs)',
  description:
    'Unauthenticated requests in the bucket access logs per address, operation and status: ' +
    'what the public exposure served, even without CloudTrail data events.',
  params: ['bucket'],
  sql: `SELECT remoteip, operation, httpstatus, count(*) AS requests,
       count(DISTINCT key) AS distinct_keys, sum(coalesce(bytessent, 0)) AS bytes_sent
FROM s3_access_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z') BETWEEN from_iso8601_timestamp(:start) AND from_iso8601_timestamp(:end)
  AND bucket_name = :bucket AND (requester IS NULL OR requester = '-')
GROUP BY remoteip, operation, httpstatus
ORDER BY count(*) DESC, remoteip, operation, httpstatus`,
});

export const accessLogRequestsFromIp = defineQuery({
  id: 'access-log-requests-from-ip',
  title: 'Requests from the address (access logs)',
  description:
    'What the address asked of every logged bucket, per operation, status and error: a ' +
    'scanner shows as many keys with 403/404 across buckets.',
  params: ['sourceIp'],
  sql: `SELECT bucket_name, operation, httpstatus, errorcode, count(*) AS requests,
       count(DISTINCT key) AS distinct_keys, sum(coalesce(bytessent, 0)) AS bytes_sent
FROM s3_access_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z') BETWEEN from_iso8601_timestamp(:start) AND from_iso8601_timestamp(:end)
  AND remoteip = :sourceIp
GROUP BY 1, 2, 3, 4
ORDER BY count(*) DESC, 1, 2, 3, 4`,
});

export const accessLogErrorSources = defineQuery({
  id: 'access-log-error-sources',
  title: 'Who collects errors on the bucket (access logs)',
  description:
    'Addresses and requesters with five or more 403/404 answers from the bucket: key ' +
    'guessing and permission probing.',
  params: ['bucket'],
  sql: `SELECT remoteip, requester, count(*) AS requests,
       count_if(httpstatus = '403') AS denied, count_if(httpstatus = '404') AS not_found,
       count(DISTINCT key) AS distinct_keys
FROM s3_access_logs
WHERE "timestamp" BETWEEN :dayFrom AND :dayTo AND parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z') BETWEEN from_iso8601_timestamp(:start) AND from_iso8601_timestamp(:end)
  AND bucket_name = :bucket
GROUP BY remoteip, requester
HAVING count_if(httpstatus IN ('403', '404')) >= 5
ORDER BY count(*) DESC, remoteip, requester`,
});
