/**
 * Decodes an object key as S3 event notifications send it: form-URL-encoded, so `+`
 * is a space and `%2B` a plus (`a%2Bb+c%25.json.gz` is `a+b c%.json.gz`). Returns
 * undefined for a malformed escape (`%E0%A4%A`, a lone `%`) instead of throwing, so
 * one bad key fails only its own record.
 */
export function decodeS3Key(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
