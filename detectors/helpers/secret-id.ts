/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>` */
const SECRET_ARN = /^arn:[^:]+:secretsmanager:([^:]*):\d{12}:secret:(.+?)(?:-[A-Za-z0-9]{6})?$/;

/** Secret ids longer than this are not real (names stop at 512 characters): ignored. */
const MAX_ID_CHARS = 2048;

/**
 * One spelling per secret, so reading it by name and by ARN counts once: the
 * name without the random ARN suffix, qualified by region (the same name in two
 * regions is two secrets). `region` is the call's region, used for bare names.
 * Undefined for blank or absurdly long ids.
 */
export function secretKeyOf(
  secretId: unknown,
  region: string | null | undefined,
): string | undefined {
  if (typeof secretId !== 'string') return undefined;
  const id = secretId.trim();
  if (id === '' || id.length > MAX_ID_CHARS) return undefined;
  const arn = SECRET_ARN.exec(id);
  if (arn) return `${arn[1] || region || ''}:${arn[2]}`;
  return `${region ?? ''}:${id}`;
}
