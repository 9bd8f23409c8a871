import { tokenize } from '../sql/tokenize.js';

/**
 * The columns of the AWS-documented Athena CloudTrail table (Hive JsonSerDe,
 * partition projection), with the CloudTrail JSON key each one reads. One model
 * renders the DuckDB read schema (camelCase keys: DuckDB matches JSON keys
 * case-sensitively), the DuckDB table (Athena's lower-case names) and the Athena
 * column list, so the two engines cannot drift apart.
 */
export type ColumnType =
  | 'string'
  | { readonly struct: readonly Field[] }
  | { readonly array: ColumnType }
  | { readonly map: readonly [ColumnType, ColumnType] };

/** [Athena name, CloudTrail JSON key, type]. */
export type Field = readonly [string, string, ColumnType];

const s = 'string';
const struct = (...fields: Field[]): ColumnType => ({ struct: fields });

const SESSION_ISSUER = struct(
  ['type', 'type', s],
  ['principalid', 'principalId', s],
  ['arn', 'arn', s],
  ['accountid', 'accountId', s],
  ['username', 'userName', s],
);

const USER_IDENTITY = struct(
  ['type', 'type', s],
  ['principalid', 'principalId', s],
  ['arn', 'arn', s],
  ['accountid', 'accountId', s],
  ['invokedby', 'invokedBy', s],
  ['accesskeyid', 'accessKeyId', s],
  ['username', 'userName', s],
  [
    'onbehalfof',
    'onBehalfOf',
    struct(['userid', 'userId', s], ['identitystorearn', 'identityStoreArn', s]),
  ],
  [
    'sessioncontext',
    'sessionContext',
    struct(
      [
        'attributes',
        'attributes',
        struct(['mfaauthenticated', 'mfaAuthenticated', s], ['creationdate', 'creationDate', s]),
      ],
      ['sessionissuer', 'sessionIssuer', SESSION_ISSUER],
      ['ec2roledelivery', 'ec2RoleDelivery', s],
      [
        'webidfederationdata',
        'webIdFederationData',
        struct(
          ['federatedprovider', 'federatedProvider', s],
          ['attributes', 'attributes', { map: [s, s] }],
        ),
      ],
    ),
  ],
);

/** Every column, in the documented order (the `timestamp` partition is added separately). */
export const CLOUDTRAIL_COLUMNS: readonly Field[] = [
  ['eventversion', 'eventVersion', s],
  ['useridentity', 'userIdentity', USER_IDENTITY],
  ['eventtime', 'eventTime', s],
  ['eventsource', 'eventSource', s],
  ['eventname', 'eventName', s],
  ['awsregion', 'awsRegion', s],
  ['sourceipaddress', 'sourceIPAddress', s],
  ['useragent', 'userAgent', s],
  ['errorcode', 'errorCode', s],
  ['errormessage', 'errorMessage', s],
  // JSON objects kept as their JSON text, exactly like Athena's STRING columns:
  // dot access then fails on both engines instead of working on one.
  ['requestparameters', 'requestParameters', s],
  ['responseelements', 'responseElements', s],
  ['additionaleventdata', 'additionalEventData', s],
  ['requestid', 'requestID', s],
  ['eventid', 'eventID', s],
  ['readonly', 'readOnly', s],
  [
    'resources',
    'resources',
    { array: struct(['arn', 'ARN', s], ['accountid', 'accountId', s], ['type', 'type', s]) },
  ],
  ['eventtype', 'eventType', s],
  ['apiversion', 'apiVersion', s],
  ['recipientaccountid', 'recipientAccountId', s],
  ['serviceeventdetails', 'serviceEventDetails', s],
  ['sharedeventid', 'sharedEventID', s],
  ['vpcendpointid', 'vpcEndpointId', s],
  ['vpcendpointaccountid', 'vpcEndpointAccountId', s],
  ['eventcategory', 'eventCategory', s],
  [
    'addendum',
    'addendum',
    struct(
      ['reason', 'reason', s],
      ['updatedfields', 'updatedFields', s],
      ['originalrequestid', 'originalRequestID', s],
      ['originaleventid', 'originalEventID', s],
    ),
  ],
  ['sessioncredentialfromconsole', 'sessionCredentialFromConsole', s],
  ['edgedevicedetails', 'edgeDeviceDetails', s],
  [
    'tlsdetails',
    'tlsDetails',
    struct(
      ['tlsversion', 'tlsVersion', s],
      ['ciphersuite', 'cipherSuite', s],
      ['clientprovidedhostheader', 'clientProvidedHostHeader', s],
    ),
  ],
];

/** DuckDB type text; `useJsonKeys` names struct fields by their CloudTrail JSON keys. */
export function duckdbType(type: ColumnType, useJsonKeys: boolean): string {
  if (type === 'string') return 'VARCHAR';
  if ('array' in type) return `${duckdbType(type.array, useJsonKeys)}[]`;
  if ('map' in type) {
    return `MAP(${duckdbType(type.map[0], useJsonKeys)}, ${duckdbType(type.map[1], useJsonKeys)})`;
  }
  const fields = type.struct.map(
    ([name, key, t]) => `"${useJsonKeys ? key : name}" ${duckdbType(t, useJsonKeys)}`,
  );
  return `STRUCT(${fields.join(', ')})`;
}

/** Athena/Hive type text, as in the AWS documentation's DDL. */
export function athenaType(type: ColumnType): string {
  if (type === 'string') return 'string';
  if ('array' in type) return `array<${athenaType(type.array)}>`;
  if ('map' in type) return `map<${athenaType(type.map[0])},${athenaType(type.map[1])}>`;
  return `struct<${type.struct.map(([name, , t]) => `${name}:${athenaType(t)}`).join(',')}>`;
}

const COLUMN_NAMES = new Set(CLOUDTRAIL_COLUMNS.map(([name]) => name));

/** The CloudTrail table columns a set of queries mentions (so a load can read only those). */
export function cloudTrailColumnsUsed(sqlTexts: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const sql of sqlTexts) {
    for (const token of tokenize(sql)) {
      const name = token.text.toLowerCase();
      if (token.kind === 'word' && COLUMN_NAMES.has(name)) used.add(name);
    }
  }
  return used;
}
