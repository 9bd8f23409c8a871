import * as account from './account/index.js';
import * as apigateway from './apigateway/index.js';
import * as backup from './backup/index.js';
import * as batch from './batch/index.js';
import * as bedrock from './bedrock/index.js';
import * as cloudfront from './cloudfront/index.js';
import * as cloudshell from './cloudshell/index.js';
import * as cloudtrail from './cloudtrail/index.js';
import * as cognito from './cognito/index.js';
import * as config from './config/index.js';
import * as ec2 from './ec2/index.js';
import * as ecr from './ecr/index.js';
import * as ecs from './ecs/index.js';
import * as efs from './efs/index.js';
import * as eks from './eks/index.js';
import * as events from './events/index.js';
import * as glue from './glue/index.js';
import * as guardduty from './guardduty/index.js';
import * as iam from './iam/index.js';
import * as identityCenter from './identity-center/index.js';
import * as instanceCredentials from './instance-credentials/index.js';
import * as kms from './kms/index.js';
import * as lambda from './lambda/index.js';
import * as logging from './logging/index.js';
import * as macie from './macie/index.js';
import * as network from './network/index.js';
import * as organizations from './organizations/index.js';
import * as rds from './rds/index.js';
import * as recon from './recon/index.js';
import * as resourcePolicies from './resource-policies/index.js';
import * as route53 from './route53/index.js';
import * as s3 from './s3/index.js';
import * as s3Exfiltration from './s3-exfiltration/index.js';
import * as sagemaker from './sagemaker/index.js';
import * as secrets from './secrets/index.js';
import * as securityhub from './securityhub/index.js';
import * as ses from './ses/index.js';
import * as signin from './signin/index.js';
import * as sns from './sns/index.js';
import * as sqs from './sqs/index.js';
import * as ssm from './ssm/index.js';
import * as sts from './sts/index.js';
import type { Detector } from './types.js';
import * as waf from './waf/index.js';

/** Every built-in detector, from every family folder, sorted by id. */
export const BUILTIN_DETECTORS: readonly Detector[] = [
  account,
  apigateway,
  backup,
  batch,
  bedrock,
  cloudfront,
  cloudshell,
  cloudtrail,
  cognito,
  config,
  ec2,
  ecr,
  ecs,
  efs,
  eks,
  events,
  glue,
  guardduty,
  iam,
  identityCenter,
  instanceCredentials,
  kms,
  lambda,
  logging,
  macie,
  network,
  organizations,
  rds,
  recon,
  resourcePolicies,
  route53,
  s3,
  s3Exfiltration,
  sagemaker,
  secrets,
  securityhub,
  ses,
  signin,
  sns,
  sqs,
  ssm,
  sts,
  waf,
]
  .flatMap((family) => Object.values(family) as Detector[])
  .sort((a, b) => a.id.localeCompare(b.id));
