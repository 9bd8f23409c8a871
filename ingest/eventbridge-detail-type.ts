/**
 * Whether an EventBridge `detail-type` is one CloudTrail delivers: "AWS API Call via
 * CloudTrail", "AWS Console Sign In via CloudTrail" (the EventBridge guide spells it
 * "Signin"), "AWS Console Action via CloudTrail", "AWS Service Event via CloudTrail",
 * "AWS Insight via CloudTrail". Matched on the suffix so spelling variants and new
 * CloudTrail-delivered types are not dropped.
 */
export function isCloudTrailDetailType(detailType: string): boolean {
  return detailType.endsWith(' via CloudTrail');
}

/** The detail-type of Insights events, which are not API activity records. */
export const INSIGHT_DETAIL_TYPE = 'AWS Insight via CloudTrail';
