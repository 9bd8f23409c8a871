import { z } from 'zod';

/**
 * The identity that made a CloudTrail call. Every field is optional because each
 * `type` (Root, IAMUser, AssumedRole, FederatedUser, AWSService, SAMLUser,
 * WebIdentityUser, AWSAccount, IdentityCenterUser, Directory, Unknown) fills a
 * different subset; unknown fields are kept for detectors and evidence.
 */
export const UserIdentitySchema = z.looseObject({
  type: z.string().optional(),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  accessKeyId: z.string().optional(),
  userName: z.string().optional(),
  invokedBy: z.string().optional(),
  identityProvider: z.string().optional(),
  sessionContext: z
    .looseObject({
      sessionIssuer: z
        .looseObject({
          type: z.string().optional(),
          principalId: z.string().optional(),
          arn: z.string().optional(),
          accountId: z.string().optional(),
          userName: z.string().optional(),
        })
        .nullish(),
      attributes: z
        .looseObject({
          creationDate: z.string().optional(),
          // AWS writes "true"/"false" strings; some producers write booleans.
          mfaAuthenticated: z.union([z.string(), z.boolean()]).optional(),
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
 * cannot be routed or windowed, so it is reported as bad instead.
 */
export const CloudTrailEventSchema = z.looseObject({
  eventVersion: z.string().optional(),
  eventID: z.string().optional(),
  eventTime: z.string(),
  eventSource: z.string(),
  eventName: z.string(),
  eventType: z.string().optional(),
  eventCategory: z.string().optional(),
  awsRegion: z.string().optional(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  userIdentity: UserIdentitySchema.nullish(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestParameters: JsonObject.nullish(),
  responseElements: JsonObject.nullish(),
  additionalEventData: JsonObject.nullish(),
  serviceEventDetails: JsonObject.nullish(),
  resources: z
    .array(
      z.looseObject({
        ARN: z.string().optional(),
        accountId: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .nullish(),
  readOnly: z.union([z.boolean(), z.string()]).optional(),
  managementEvent: z.union([z.boolean(), z.string()]).optional(),
  recipientAccountId: z.string().optional(),
  sharedEventID: z.string().optional(),
  vpcEndpointId: z.string().optional(),
});

export type CloudTrailEvent = z.infer<typeof CloudTrailEventSchema>;
export type UserIdentity = z.infer<typeof UserIdentitySchema>;
