import { describe, expect, it } from 'vitest';
import { USER_AGENTS } from '../../../detectors/examples/instance-events.js';
import { desktopOsOf } from '../../../detectors/helpers/desktop-user-agent.js';

describe('desktopOsOf', () => {
  it.each([
    ['CLI v2 on macOS', USER_AGENTS.macCli, 'macOS'],
    ['CLI v1 on macOS', USER_AGENTS.macCliV1, 'macOS'],
    [
      'JavaScript v3 on macOS',
      'aws-sdk-js/3.691.0 ua/2.1 os/darwin#24.1.0 lang/js md/nodejs#22.11.0 api/s3#3.691.0',
      'macOS',
    ],
    [
      'Java v2 on macOS',
      'aws-sdk-java/2.29.6 Mac_OS_X/14.6.1 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Eclipse_Adoptium io/sync http/Apache',
      'macOS',
    ],
    [
      'Go v2 on macOS',
      'aws-sdk-go-v2/1.32.3 ua/2.1 os/macos lang/go#1.23.2 md/GOOS#darwin md/GOARCH#arm64 api/sts#1.33.0',
      'macOS',
    ],
    [
      'Safari',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'macOS',
    ],
    [
      'a bracketed console user agent',
      '[Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36]',
      'macOS',
    ],
    ['CLI v2 on Windows', USER_AGENTS.windowsCli, 'Windows'],
    ['Boto3 on Windows', USER_AGENTS.windowsBoto3, 'Windows'],
    ['a Windows browser', USER_AGENTS.windowsBrowser, 'Windows'],
    [
      'JavaScript v3 on Windows',
      'aws-sdk-js/3.691.0 ua/2.1 os/win32#10.0.22631 lang/js md/nodejs#20.18.0',
      'Windows',
    ],
    [
      'Java v2 on Windows 11',
      'aws-sdk-java/2.29.6 Windows_11/10.0 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5',
      'Windows',
    ],
    [
      'PowerShell',
      'AWSPowerShell.Common/4.1.700.0 .NET_Runtime/4.0 .NET_Framework/4.0 OS/Microsoft_Windows_NT_10.0.22631.0 WindowsPowerShell/5.1 ClientSync',
      'Windows',
    ],
    ['metadata form', 'aws-sdk-rust/1.3.0 os/other md/OS#windows lang/rust#1.82.0', 'Windows'],
    ['upper case', 'AWS-CLI/2.22.4 OS/MACOS#24.1.0', 'macOS'],
  ])('%s', (_label, userAgent, os) => {
    expect(desktopOsOf(userAgent)).toBe(os);
  });

  it.each([
    ['CLI on Amazon Linux', USER_AGENTS.linuxCli],
    ['CLI on Windows Server', USER_AGENTS.windowsServerCli],
    [
      'CLI v1 on Windows Server',
      'aws-cli/1.36.3 Python/3.12.6 Windows/2019Server botocore/1.35.62',
    ],
    [
      'Java on Windows Server',
      'aws-sdk-java/2.29.6 Windows_Server_2019/10.0 OpenJDK_64-Bit_Server_VM/17.0.13',
    ],
    ['a Go v1 agent on Windows Server', USER_AGENTS.windowsAgent],
    ['an AWS service', 'ec2.amazonaws.com'],
    ['AWS Internal', 'AWS Internal'],
    ['a word that only contains an OS name', 'my-darwinian-tool/1.0 windowsill/2'],
    ['not a string', 42],
    ['empty', ''],
  ])('not a desktop: %s', (_label, userAgent) => {
    expect(desktopOsOf(userAgent)).toBeUndefined();
  });

  it('reads only the start of a huge user agent', () => {
    expect(desktopOsOf(`${'x'.repeat(10_000)} os/macos#24.1.0`)).toBeUndefined();
    expect(desktopOsOf(`os/macos#24.1.0 ${'x'.repeat(10_000)}`)).toBe('macOS');
  });
});
