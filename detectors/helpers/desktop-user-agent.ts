/**
 * The desktop operating system a `userAgent` names. AWS SDKs and the CLI write
 * the OS they run on: `Darwin/23.1.0` and `Windows/10` (CLI v1, older Boto3),
 * `os/macos#24.1.0` and `os/windows#10` (CLI v2 and current SDKs), `os/darwin#…`
 * and `os/win32#…` (JavaScript v3), `Mac_OS_X/14.1` and `Windows_11/10.0` (Java),
 * `md/GOOS#darwin` (Go v2), `OS/Microsoft_Windows_NT_10.0…` (PowerShell, .NET);
 * browsers write `Macintosh` and `Windows NT`. Linux is what EC2 instances run,
 * so it says nothing. The user agent is the caller's to choose: a match is
 * evidence, its absence proves nothing.
 */

export type DesktopOs = 'macOS' | 'Windows';

/** Longer user agents are judged on their start: CloudTrail truncates them anyway. */
const MAX_CHARS = 4096;

/** A token boundary before the name: start, space, `(`, `[`, `;`, `/`, `#`, `_`, `,`. */
const BEFORE = String.raw`(?:^|[\s(\[;/#_,])`;
/** After it: end, space, `;`, `)`, `]`, `/`, `#`, `_`, `,`, or a version digit. */
const AFTER = String.raw`(?=$|[\s;)\]/#_,\d.])`;

const MAC = new RegExp(`${BEFORE}(?:darwin|macos|mac_os_x|macintosh|mac os x)${AFTER}`, 'i');
/** The rest of the token after "windows" is kept: `2022Server`, `_Server_2019` are servers. */
const WINDOWS = new RegExp(`${BEFORE}(?:windows|win32|win64)${AFTER}([^\\s;)\\]]*)`, 'i');
/**
 * Go SDK v1 writes `(go1.22; windows; amd64)`. Agents built on it (the CloudWatch
 * agent, EC2Launch) run on every Windows Server instance: not a desktop sign.
 */
const GO_V1_PLATFORM = /\(go[\d.]+; windows; [^)]*\)/gi;

/** `macOS` or `Windows` when the user agent names a desktop system, else undefined. */
export function desktopOsOf(userAgent: unknown): DesktopOs | undefined {
  if (typeof userAgent !== 'string' || userAgent === '') return undefined;
  const text = userAgent.slice(0, MAX_CHARS);
  if (MAC.test(text)) return 'macOS';
  const windows = WINDOWS.exec(text.replace(GO_V1_PLATFORM, ''));
  if (windows && !/server/i.test(windows[1] ?? '')) return 'Windows';
  return undefined;
}
