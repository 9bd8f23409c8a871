import * as account from './account/index.js';
import * as apigateway from './apigateway/index.js';
import * as backup from './backup/index.js';
import * as bedrock from './bedrock/index.js';
import * as cloudfront from './cloudfront/index.js';
import * as cloudtrail from './cloudtrail/index.js';
import * as config from './config/index.js';
import * as ec2 from './ec2/index.js';
import * as guardduty from './guardduty/index.js';
import * as iam from './iam/index.js';
import * as kms from './kms/index.js';
import * as lambda from './lambda/index.js';
import * as logging from './logging/index.js';
import * as network from './network/index.js';
import * as organizations from './organizations/index.js';
import * as recon from './recon/index.js';
import * as resourcePolicies from './resource-policies/index.js';
import * as route53 from './route53/index.js';
import * as s3 from './s3/index.js';
import * as secrets from './secrets/index.js';
import * as securityhub from './securityhub/index.js';
import * as signin from './signin/index.js';
import * as ssm from './ssm/index.js';
import * as sts from './sts/index.js';
import type { Detector } from './types.js';
import * as waf from './waf/index.js';

/** Every built-in detector, from every family folder, sorted by id. */
export const BUILTIN_DETECTORS: readonly Detector[] = [
  account,
  apigateway,
  backup,
  bedrock,
  cloudfront,
  cloudtrail,
  config,
  ec2,
  guardduty,
  iam,
  kms,
  lambda,
  logging,
  network,
  organizations,
  recon,
  resourcePolicies,
  route53,
  s3,
  secrets,
  securityhub,
  signin,
  ssm,
  sts,
  waf,
]
  .flatMap((family) => Object.values(family) as Detector[])
  .sort((a, b) => a.id.localeCompare(b.id));
