import type { Rng } from './prng.js';
import { isoSeconds } from './time.js';
import type { Account } from './world.js';

/** A CloudTrail record as the generator writes it (plain JSON). */
export type JsonObject = { [key: string]: unknown };

/** `userIdentity` in any of its per-type shapes. */
export type Identity = JsonObject & { type: string };

/** Who makes a call, and how it reaches AWS. */
export interface Actor {
  readonly identity: Identity;
  readonly sourceIp: string;
  readonly userAgent: string;
  /**
   * Stable name of the principal without session (role or user ARN, or the
   * invoking service). Keeps background errors per principal thin.
   */
  readonly key: string;
  /** The call used console credentials: logged as `sessionCredentialFromConsole`. */
  readonly console?: boolean;
  /** Reached the service through this interface endpoint (the source IP is then private). */
  readonly vpceId?: string;
}

export interface Resource {
  readonly accountId?: string;
  readonly type: string;
  readonly ARN: string;
}

/** One API call (or sign-in, or service event) before it is turned into a record. */
export interface Call {
  readonly source: string;
  readonly name: string;
  readonly actor: Actor;
  readonly account: Account;
  readonly region: string;
  readonly time: number;
  readonly requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  readonly additionalEventData?: JsonObject;
  readonly readOnly: boolean;
  /** Data events (S3 object level, Lambda Invoke) have `managementEvent: false`. */
  readonly data?: boolean;
  readonly eventType?: 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleSignIn';
  readonly resources?: readonly Resource[];
  /** `null` leaves the field out (console sign-in events have none). */
  readonly requestID?: string | null;
  readonly sharedEventID?: string;
  readonly apiVersion?: string;
  /** Host header for `tlsDetails`; `null` leaves tlsDetails out (service-made calls). */
  readonly tlsHost?: string | null;
  readonly serviceEventDetails?: JsonObject;
  readonly eventVersion?: string;
  errorCode?: string;
  errorMessage?: string;
}

const VERSIONS = ['1.08', '1.09', '1.09', '1.09', '1.11', '1.11'];
const TLS = [
  { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256' },
  { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_256_GCM_SHA384' },
  { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256' },
];

/**
 * Turns a call into a record with CloudTrail's field order and optional fields.
 * Fields that do not apply are left out rather than written as null, as CloudTrail does.
 */
export function toRecord(rng: Rng, call: Call): JsonObject {
  const record: JsonObject = {
    eventVersion: call.eventVersion ?? rng.pick(VERSIONS),
    userIdentity: call.actor.identity,
    eventTime: isoSeconds(call.time),
    eventSource: call.source,
    eventName: call.name,
    awsRegion: call.region,
    sourceIPAddress: call.actor.sourceIp,
    userAgent: call.actor.userAgent,
  };
  if (call.errorCode !== undefined) record.errorCode = call.errorCode;
  if (call.errorMessage !== undefined) record.errorMessage = call.errorMessage;
  record.requestParameters = call.requestParameters;
  record.responseElements = call.responseElements;
  if (call.additionalEventData) record.additionalEventData = call.additionalEventData;
  if (call.requestID !== null) record.requestID = call.requestID ?? rng.uuid();
  record.eventID = rng.uuid();
  record.readOnly = call.readOnly;
  if (call.resources) record.resources = call.resources;
  record.eventType = call.eventType ?? 'AwsApiCall';
  if (call.apiVersion) record.apiVersion = call.apiVersion;
  record.managementEvent = !call.data;
  record.recipientAccountId = call.account.id;
  if (call.sharedEventID) record.sharedEventID = call.sharedEventID;
  if (call.actor.vpceId) {
    record.vpcEndpointId = call.actor.vpceId;
    record.vpcEndpointAccountId = call.account.id;
  }
  if (call.serviceEventDetails) record.serviceEventDetails = call.serviceEventDetails;
  record.eventCategory = call.data ? 'Data' : 'Management';
  const host = call.tlsHost === undefined ? defaultHost(call) : call.tlsHost;
  if (host !== null) record.tlsDetails = { ...rng.pick(TLS), clientProvidedHostHeader: host };
  if (call.actor.console) record.sessionCredentialFromConsole = 'true';
  return record;
}

/** Services reached on one global endpoint rather than a regional one. */
const GLOBAL_HOSTS: Readonly<Record<string, string>> = {
  'iam.amazonaws.com': 'iam.amazonaws.com',
  'route53.amazonaws.com': 'route53.amazonaws.com',
  'cloudfront.amazonaws.com': 'cloudfront.amazonaws.com',
};

function defaultHost(call: Call): string | null {
  if (call.actor.identity.type === 'AWSService') return null;
  if (call.actor.sourceIp.endsWith('.amazonaws.com')) return null;
  const global = GLOBAL_HOSTS[call.source];
  if (global) return global;
  const service = call.source.slice(0, call.source.indexOf('.'));
  return `${service}.${call.region}.amazonaws.com`;
}
