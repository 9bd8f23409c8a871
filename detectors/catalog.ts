import * as account from './account/index.js';
import * as apigateway from './apigateway/index.js';
import * as cloudtrail from './cloudtrail/index.js';
import * as ec2 from './ec2/index.js';
import * as iam from './iam/index.js';
import * as kms from './kms/index.js';
import * as lambda from './lambda/index.js';
import * as s3 from './s3/index.js';
import * as signin from './signin/index.js';
import type { Detector } from './types.js';
import * as waf from './waf/index.js';

/** Every built-in detector, grouped by the service folder it lives in, sorted by id. */
export const BUILTIN_DETECTORS: readonly Detector[] = [
  account,
  apigateway,
  cloudtrail,
  ec2,
  iam,
  kms,
  lambda,
  s3,
  signin,
  waf,
]
  .flatMap((family) => Object.values(family) as Detector[])
  .sort((a, b) => a.id.localeCompare(b.id));
