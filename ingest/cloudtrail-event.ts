import { z } from 'zod';

/**
 * The identity that made a CloudTrail call. Every field is optional because each
 * `type` (Root, IAMUser, AssumedRole, FederatedUser, AWSService, SAMLUser,
 * WebIdentityUser, AWSAccount, IdentityCenterUser, Directory, Unknown) fills a
 * different subset; unknown fields are kept for detectors and evidence.
 *
 * Every optional field may also be `null`: AWS writes null where it has no value
 * (`invokedBy`, `sessionContext.attributes`, ...), and a null must not make the
 * whole record invalid and hide it from every detector. Detectors read null as
 * absent (test truthiness or `typeof`, never `=== undefined`).
 */
export const UserIdentitySchema = z.looseObject({
  type: z.string().nullish(),
  principalId: z.string().nullish(),
  arn: z.string().nullish(),
  accountId: z.string().nullish(),
  accessKeyId: z.string().nullish(),
  userName: z.string().nullish(),
  invokedBy: z.string().nullish(),
  identityProvider: z.string().nullish(),
  sessionContext: z
    .looseObject({
      sessionIssuer: z
        .looseObject({
          type: z.string().nullish(),
          principalId: z.string().nullish(),
          arn: z.string().nullish(),
          accountId: z.string().nullish(),
          userName: z.string().nullish(),
        })
        .nullish(),
      attributes: z
        .looseObject({
          creationDate: z.string().nullish(),
          // AWS writes "true"/"false" strings; some producers write booleans.
          mfaAuthenticated: z.union([z.string(), z.boolean()]).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

/** A JSON object as CloudTrail logs it: shape varies per API call. */
const JsonObject = z.record(z.string(), z.unknown());

/**
 * One CloudTrail record, as delivered to S3 (`Records[]`), in an EventBridge
 * `detail`, or as a JSON Lines row. Only the fields the pipeline relies on are
 * typed; everything else (tlsDetails, eventContext, future fields) is kept as-is.
 * `eventSource`, `eventName` and `eventTime` are required: without them a record
 * cannot be routed or windowed, so it is reported as bad instead (record-check.ts
 * also requires `eventTime` to be a real instant in a sane range). Every other field
 * may be absent or `null`, as for {@link UserIdentitySchema}.
 */
export const CloudTrailEventSchema = z.looseObject({
  eventVersion: z.string().nullish(),
  eventID: z.string().nullish(),
  eventTime: z.string(),
  eventSource: z.string(),
  eventName: z.string(),
  eventType: z.string().nullish(),
  eventCategory: z.string().nullish(),
  awsRegion: z.string().nullish(),
  sourceIPAddress: z.string().nullish(),
  userAgent: z.string().nullish(),
  userIdentity: UserIdentitySchema.nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  requestParameters: JsonObject.nullish(),
  responseElements: JsonObject.nullish(),
  additionalEventData: JsonObject.nullish(),
  serviceEventDetails: JsonObject.nullish(),
  resources: z
    .array(
      z.looseObject({
        ARN: z.string().nullish(),
        accountId: z.string().nullish(),
        type: z.string().nullish(),
      }),
    )
    .nullish(),
  readOnly: z.union([z.boolean(), z.string()]).nullish(),
  managementEvent: z.union([z.boolean(), z.string()]).nullish(),
  recipientAccountId: z.string().nullish(),
  sharedEventID: z.string().nullish(),
  vpcEndpointId: z.string().nullish(),
});

export type CloudTrailEvent = z.infer<typeof CloudTrailEventSchema>;
export type UserIdentity = z.infer<typeof UserIdentitySchema>;
