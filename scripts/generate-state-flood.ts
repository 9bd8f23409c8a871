/**
 * Writes the state-flood input of issue 11: failed calls from N distinct
 * principals (each one a sub-threshold key of a threshold detector) with one
 * real `StopLogging` among them, as CloudTrail delivers them to S3 (gzip, one
 * file per five-minute slice). A scan of it must stay within the alerting state's
 * memory bound and still print the critical alert. Deterministic: the same
 * arguments give the same bytes.
 *
 *   tsx scripts/generate-state-flood.ts --out /tmp/flood --principals 400000
 *   tsx scripts/generate-state-flood.ts --out /tmp/flood6 --kind console-login-ipv6
 *
 * Kinds: `access-denied` (IAM users each denied one `iam:ListRoles`; the
 * access-denied-burst detector holds one key per user) and `console-login-ipv6`
 * (failed console sign-ins for a name that does not exist, each from its own
 * IPv6 address; console-login-failures and console-password-spraying hold one
 * key per address).
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { writeGzip } from './corpus/write.js';

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const TRAIL = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/management-events`;
const SLICE_MS = 5 * 60 * 1000;

export const FLOOD_KINDS = ['access-denied', 'console-login-ipv6'] as const;
export type FloodKind = (typeof FLOOD_KINDS)[number];

export interface FloodOptions {
  readonly out: string;
  /** Failed calls, one per principal unless `distinct` is smaller. */
  readonly principals: number;
  /** Distinct principals (or addresses) among them: call i comes from principal i mod distinct. */
  readonly distinct?: number;
  readonly files: number;
  readonly kind: FloodKind;
  /** Event time of the first record, epoch ms; the flood spans `files` five-minute slices. */
  readonly start: number;
}

type Record = { readonly [field: string]: unknown };

/** Hex digits derived from a label: stable ids without a random source. */
function hex(label: string, length: number): string {
  return createHash('sha256').update(label).digest('hex').slice(0, length);
}

function uuid(label: string): string {
  const h = hex(label, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

function upperId(prefix: string, label: string, length: number): string {
  return prefix + hex(label, length - prefix.length).toUpperCase();
}

/** One IAM user denied `iam:ListRoles`, as CloudTrail records a refused call. */
function deniedCall(i: number, who: number, time: number): Record {
  const user = `flood-${String(who).padStart(7, '0')}`;
  const arn = `arn:aws:iam::${ACCOUNT}:user/${user}`;
  return {
    eventVersion: '1.10',
    userIdentity: {
      type: 'IAMUser',
      principalId: upperId('AIDA', `principal-${who}`, 21),
      arn,
      accountId: ACCOUNT,
      accessKeyId: upperId('AKIA', `key-${who}`, 20),
      userName: user,
    },
    eventTime: iso(time),
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListRoles',
    awsRegion: REGION,
    sourceIPAddress: `198.51.100.${i % 250}`,
    userAgent:
      'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6',
    errorCode: 'AccessDenied',
    errorMessage: `User: ${arn} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${ACCOUNT}:role/ because no identity-based policy allows the iam:ListRoles action`,
    requestParameters: null,
    responseElements: null,
    requestID: uuid(`request-${i}`),
    eventID: uuid(`event-${i}`),
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: 'iam.amazonaws.com',
    },
  };
}

/** A failed console sign-in for a user name that does not exist, from its own IPv6 address. */
function failedSignIn(i: number, who: number, time: number): Record {
  const word = (n: number) => ((who >>> n) & 0xffff).toString(16);
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      accountId: ACCOUNT,
      accessKeyId: '',
      userName: 'HIDDEN_DUE_TO_SECURITY_REASONS',
    },
    eventTime: iso(time),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: REGION,
    sourceIPAddress: `2001:db8:${word(16)}:${word(0)}::1`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    errorMessage: 'No username found in supplied account',
    requestParameters: null,
    responseElements: { ConsoleLogin: 'Failure' },
    additionalEventData: {
      LoginTo: 'https://console.aws.amazon.com/console/home',
      MobileVersion: 'No',
      MFAUsed: 'No',
    },
    eventID: uuid(`signin-${i}`),
    readOnly: false,
    eventType: 'AwsConsoleSignIn',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: 'signin.aws.amazon.com',
    },
  };
}

/** Failed call number `i` of a flood, from principal (or address) number `who`, at `time` (epoch ms). */
export function floodRecord(kind: FloodKind, i: number, who: number, time: number): Record {
  return kind === 'access-denied' ? deniedCall(i, who, time) : failedSignIn(i, who, time);
}

/** The real attack: an assumed role turns the trail off. */
export function stopLogging(time: number): Record {
  return {
    eventVersion: '1.10',
    userIdentity: {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLEROLEID1234:mallory',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Ops/mallory`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIAEXAMPLEKEY123456',
      sessionContext: {
        sessionIssuer: {
          type: 'Role',
          principalId: 'AROAEXAMPLEROLEID1234',
          arn: `arn:aws:iam::${ACCOUNT}:role/Ops`,
          accountId: ACCOUNT,
          userName: 'Ops',
        },
        attributes: { creationDate: iso(time - 600_000), mfaAuthenticated: 'false' },
      },
    },
    eventTime: iso(time),
    eventSource: 'cloudtrail.amazonaws.com',
    eventName: 'StopLogging',
    awsRegion: REGION,
    sourceIPAddress: '203.0.113.66',
    userAgent:
      'aws-cli/2.22.4 md/awscrt#0.22.0 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.12.6',
    requestParameters: { name: TRAIL },
    responseElements: null,
    requestID: uuid('stop-request'),
    eventID: uuid('stop-event'),
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
  };
}

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function objectKey(sliceStart: number, file: number): string {
  const d = new Date(sliceStart).toISOString();
  const day = `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}`;
  const stamp = `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}Z`;
  return `AWSLogs/${ACCOUNT}/CloudTrail/${REGION}/${day}/${ACCOUNT}_CloudTrail_${REGION}_${stamp}_${hex(`file-${file}`, 16)}.json.gz`;
}

/** Writes the files; returns how many records and where the `StopLogging` is. */
export function generateStateFlood(options: FloodOptions): {
  records: number;
  stopLogging: string;
} {
  const { principals, files, start } = options;
  const distinct = Math.min(principals, options.distinct ?? principals);
  const perFile = Math.ceil(principals / files);
  const stopFile = Math.floor(files / 2);
  let stopKey = '';
  let written = 0;
  for (let f = 0; f < files; f++) {
    const sliceStart = start + f * SLICE_MS;
    const first = f * perFile;
    const count = Math.max(0, Math.min(perFile, principals - first));
    const records: Record[] = [];
    for (let j = 0; j < count; j++) {
      const i = first + j;
      records.push(
        floodRecord(options.kind, i, i % distinct, sliceStart + Math.floor((j / count) * SLICE_MS)),
      );
    }
    if (f === stopFile) {
      // Halfway through the slice: the flood is on both sides of it.
      records.splice(Math.floor(count / 2), 0, stopLogging(sliceStart + SLICE_MS / 2));
    }
    const key = objectKey(sliceStart, f);
    if (f === stopFile) stopKey = key;
    writeGzip(options.out, key, JSON.stringify({ Records: records }));
    written += records.length;
  }
  return { records: written, stopLogging: stopKey };
}

function positiveInteger(value: string): number {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('not a positive integer');
  return n;
}

export function main(argv: readonly string[]): void {
  const program = new Command('generate-state-flood')
    .description('Write failed calls from many distinct principals plus one real StopLogging.')
    .requiredOption('--out <dir>', 'output directory (created)')
    .option(
      '--principals <n>',
      'distinct principals, one failed call each',
      positiveInteger,
      400_000,
    )
    .option('--distinct <n>', 'distinct principals among them (default: all)', positiveInteger)
    .option('--files <n>', 'log files (five-minute slices)', positiveInteger, 80)
    .addOption(
      new Option('--kind <kind>', 'what floods').choices(FLOOD_KINDS).default('access-denied'),
    )
    .option('--start <iso>', 'event time of the first record', '2026-11-20T10:00:00Z')
    .parse(argv, { from: 'user' });
  const opts = program.opts<{
    out: string;
    principals: number;
    distinct?: number;
    files: number;
    kind: FloodKind;
    start: string;
  }>();
  const start = Date.parse(opts.start);
  if (!Number.isFinite(start)) program.error(`--start ${opts.start} is not an ISO date`);
  const files = Math.min(opts.files, opts.principals);
  const result = generateStateFlood({ ...opts, files, start });
  process.stdout.write(
    `wrote ${result.records} records in ${files} files under ${opts.out}; StopLogging in ${result.stopLogging}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
