import type { AccessLogField } from './types.js';

/** One field S3 writes after the user agent, and the values it can hold besides `-`. */
export interface TailField {
  readonly name: AccessLogField;
  readonly shape: RegExp;
}

/** Printable ASCII without space or `"`: opaque tokens S3 writes itself. */
const TOKEN = /^[\x21\x23-\x7e]{1,2048}$/;

/**
 * The fields S3 writes after the user agent (18 through 27), in order, with the
 * values each can hold. S3 does not escape `"` in the referer and user agent, so
 * the user agent's closing quote is found by what follows it: these shapes. They
 * are loose enough for every value S3 documents (and variants it may add, such as
 * `SigV4a`), and strict enough that no quoted text reads as them. All are simple
 * anchored character classes: linear on any input.
 */
export const FIELDS_AFTER_USER_AGENT: readonly TailField[] = [
  { name: 'versionId', shape: TOKEN },
  // Host Id is S3's base64 `x-amz-id-2`.
  { name: 'hostId', shape: /^[A-Za-z0-9+/=]{1,1024}$/ },
  { name: 'signatureVersion', shape: /^SigV[0-9A-Za-z]{1,8}$/ },
  { name: 'cipherSuite', shape: /^[A-Za-z0-9_-]{1,128}$/ },
  { name: 'authenticationType', shape: /^[A-Za-z]{1,32}$/ },
  { name: 'hostHeader', shape: TOKEN },
  { name: 'tlsVersion', shape: /^TLSv\d(?:\.\d)?$/i },
  { name: 'accessPointArn', shape: /^arn:[\x21\x23-\x7e]{1,2048}$/ },
  { name: 'aclRequired', shape: /^[A-Za-z]{1,16}$/ },
  { name: 'sourceRegion', shape: /^[a-z]{2}(?:-[a-z]{1,16}){1,4}-\d{1,2}$/ },
];

/** Whether `value` can be the tail field at `index` (S3's `-` fits every field). */
export function fitsTailField(index: number, value: string): boolean {
  const field = FIELDS_AFTER_USER_AGENT[index];
  return field === undefined || value === '-' || field.shape.test(value);
}
