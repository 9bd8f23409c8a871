import { accountOf, principalForDedup, principalOf } from '../helpers/identity.js';
import { succeeded } from '../helpers/outcome.js';
import { bucketArn, bucketOf, objectKeyOf } from '../helpers/s3-target.js';
import type { Detector } from '../types.js';

/** Ransom notes are text a victim opens: plain text, HTML (or HTA), Markdown, RTF, or no extension. */
const NOTE_EXTENSIONS = new Set(['', 'txt', 'html', 'htm', 'hta', 'md', 'rtf']);

/**
 * What ransom notes are called, on the file name with separators turned into
 * single spaces: "HOW_TO_DECRYPT.txt", "RESTORE-MY-FILES.html",
 * "YOUR_FILES_ARE_ENCRYPTED.txt", "!!!READ_ME!!!.txt", "ransom_note.txt".
 * A plain README is documentation and does not match.
 */
const NOTE_NAME = [
  /ransom/,
  /decrypt/,
  /\b(?:recover|restore|unlock|return|get back)\w* (?:(?:all|your|my|the) )?(?:files|data)\b/,
  /\b(?:files|data) (?:encrypted|locked|stolen|leaked)\b/,
  // "deleted" alone also names clean-up reports ("files_deleted.txt"): only as a sentence.
  /\b(?:files|data) (?:are|were|have been|has been) (?:encrypted|locked|stolen|leaked|deleted|wiped)\b/,
  /\b(?:your|all|my) (?:files|data)\b.*\b(?:encrypted|locked|stolen|leaked|deleted|wiped)\b/,
  /\bread ?me\b.*\b(?:now|warning|important|attention|urgent|recover|restore)\b/,
  /\b(?:warning|important|attention|urgent)\b.*\bread ?me\b/,
];

/** The file name of an object key split into its stem (normalised) and lower-case extension. */
function fileNameOf(key: string): { stem: string; extension: string; raw: string } {
  const raw = key.slice(key.lastIndexOf('/') + 1).slice(0, 200);
  const dot = raw.lastIndexOf('.');
  const hasExtension = dot > 0 && /^[a-z0-9]{1,5}$/i.test(raw.slice(dot + 1));
  const stem = hasExtension ? raw.slice(0, dot) : raw;
  return {
    raw,
    extension: hasExtension ? raw.slice(dot + 1).toLowerCase() : '',
    stem: stem
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
  };
}

/** True when an object key looks like a ransom note. */
export function isRansomNoteName(key: string): boolean {
  const { stem, extension, raw } = fileNameOf(key);
  if (!NOTE_EXTENSIONS.has(extension) || stem === '') return false;
  if (/^!+.*read ?_?-?me/i.test(raw)) return true;
  return NOTE_NAME.some((pattern) => pattern.test(stem));
}

/** A file named like a ransom note was written to a bucket. */
export const s3RansomNoteUploaded: Detector = {
  id: 's3-ransom-note-uploaded',
  title: 'Ransom note written to an S3 bucket',
  severity: 'high',
  description:
    'PutObject or CopyObject succeeded for a text, HTML or extension-less object named like ' +
    'a ransom note: "decrypt", "ransom", "restore/recover your files", "files are ' +
    'encrypted", "your files have been deleted", or a README marked urgent ("!!!READ_ME!!!", "README_WARNING"). S3 ' +
    'ransomware deletes or re-encrypts objects and leaves such a note in each bucket or ' +
    'prefix for the victim to find (S3 data events must be enabled). A plain README does not ' +
    'match. Benign causes: documentation about restoring data, security training material, ' +
    'test files of ransomware drills.',
  attack: ['T1486', 'T1485'],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html',
  ],
  runbook: 's3-data-destruction',
  dedupWindowSeconds: 3600,
  listensTo: [{ eventSource: 's3.amazonaws.com', eventNames: ['PutObject', 'CopyObject'] }],
  match(event) {
    if (!succeeded(event)) return undefined;
    const key = objectKeyOf(event);
    if (!key || !isRansomNoteName(key)) return undefined;
    const bucket = bucketOf(event) ?? 'unknown bucket';
    return {
      summary: `${principalOf(event)} wrote ${key} to bucket ${bucket}, named like a ransom note`,
      dedupKey: `${accountOf(event)}|${principalForDedup(event)}|ransom-note|${bucket}`,
      resources: [bucketArn(event, bucket)],
    };
  },
};
