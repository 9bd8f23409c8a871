/**
 * Lambda layers AWS publishes for every customer, as (publisher account, layer
 * name prefix) pairs from AWS documentation:
 * - Lambda Insights: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Lambda-Insights-extension-versions.html
 * - Parameters and Secrets extension: https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html
 * - Powertools for AWS Lambda (Python, TypeScript): https://docs.powertools.aws.dev/lambda/
 *
 * Both parts must match, so a layer of another name from the same account is
 * not vouched for. The list is deliberately short: a missing AWS account only
 * leaves an alert (add it to trustedLayerPublishers), it never hides one, since
 * nobody but AWS publishes from these accounts.
 */
const INSIGHTS = ['LambdaInsightsExtension'];
const PARAMETERS_AND_SECRETS = ['AWS-Parameters-and-Secrets-Lambda-Extension'];

const PUBLISHERS: ReadonlyMap<string, readonly string[]> = new Map([
  // Lambda Insights: one account for most commercial regions, others per region.
  ['580247275435', INSIGHTS],
  ['012438385374', INSIGHTS], // af-south-1
  ['519774774795', INSIGHTS], // ap-east-1
  ['891564319516', INSIGHTS], // ap-south-2
  ['439286490199', INSIGHTS], // ap-southeast-3
  ['194566237122', INSIGHTS], // ap-northeast-3
  ['033019950311', INSIGHTS], // eu-central-2
  ['339249233099', INSIGHTS], // eu-south-1
  ['352183217350', INSIGHTS], // eu-south-2
  ['285320876703', INSIGHTS], // me-south-1
  ['732604637566', INSIGHTS], // me-central-1
  ['488211338238', INSIGHTS], // cn-north-1, cn-northwest-1
  // Parameters and Secrets Lambda Extension: one account per region.
  ['177933569100', PARAMETERS_AND_SECRETS], // us-east-1
  ['590474943231', PARAMETERS_AND_SECRETS], // us-east-2
  ['997803712105', PARAMETERS_AND_SECRETS], // us-west-1
  ['345057560386', PARAMETERS_AND_SECRETS], // us-west-2
  ['317013901791', PARAMETERS_AND_SECRETS], // af-south-1
  ['768336418462', PARAMETERS_AND_SECRETS], // ap-east-1
  ['490737872127', PARAMETERS_AND_SECRETS], // ap-southeast-3
  ['176022468876', PARAMETERS_AND_SECRETS], // ap-south-1
  ['576959938190', PARAMETERS_AND_SECRETS], // ap-northeast-3
  ['738900069198', PARAMETERS_AND_SECRETS], // ap-northeast-2
  ['044395824272', PARAMETERS_AND_SECRETS], // ap-southeast-1
  ['665172237481', PARAMETERS_AND_SECRETS], // ap-southeast-2
  ['133490724326', PARAMETERS_AND_SECRETS], // ap-northeast-1
  ['200266452380', PARAMETERS_AND_SECRETS], // ca-central-1
  ['187925254637', PARAMETERS_AND_SECRETS], // eu-central-1
  ['015030872274', PARAMETERS_AND_SECRETS], // eu-west-1
  ['133256977650', PARAMETERS_AND_SECRETS], // eu-west-2
  ['325218067255', PARAMETERS_AND_SECRETS], // eu-south-1
  ['780235371811', PARAMETERS_AND_SECRETS], // eu-west-3
  ['427196147048', PARAMETERS_AND_SECRETS], // eu-north-1
  ['832021897121', PARAMETERS_AND_SECRETS], // me-south-1
  ['858974508948', PARAMETERS_AND_SECRETS], // me-central-1
  ['933737806257', PARAMETERS_AND_SECRETS], // sa-east-1
  ['287114880934', PARAMETERS_AND_SECRETS], // cn-north-1
  ['287310001119', PARAMETERS_AND_SECRETS], // cn-northwest-1
  ['129776340158', PARAMETERS_AND_SECRETS], // us-gov-east-1
  ['127562683043', PARAMETERS_AND_SECRETS], // us-gov-west-1
  // Powertools for AWS Lambda: the same account in every commercial region.
  ['017000801446', ['AWSLambdaPowertoolsPython']],
  ['094274105915', ['AWSLambdaPowertoolsTypeScript']],
]);

/** `arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>` */
const LAYER_VERSION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:(\d{12}):layer:([A-Za-z0-9_-]+):\d+$/;

/** True when a layer version ARN names a layer AWS itself publishes (Insights, Powertools...). */
export function isAwsPublishedLayer(arn: string): boolean {
  if (arn.length > 256) return false;
  const match = LAYER_VERSION_ARN.exec(arn.trim());
  if (!match) return false;
  const [, account = '', name = ''] = match;
  return PUBLISHERS.get(account)?.some((prefix) => name.startsWith(prefix)) ?? false;
}
