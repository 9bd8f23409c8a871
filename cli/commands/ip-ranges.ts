import { Command } from 'commander';
import { AwsIpRangesFormatError, publishedAt } from '../../detectors/helpers/aws-ip-ranges-file.js';
import { AwsIpRangesDownloadError } from '../aws-ip-ranges/download.js';
import { cachedAwsIpRangesFile } from '../aws-ip-ranges/file.js';
import { updateAwsIpRanges } from '../aws-ip-ranges/update.js';
import { type CliIo, UsageError } from '../io.js';

/**
 * `trailwatch ip-ranges update [--from <file>]`: fetch AWS's published address
 * ranges into the cache folder, where `trailwatch scan` finds them.
 */
export function ipRangesCommand(io: CliIo): Command {
  const output = {
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
  };
  const update = new Command('update')
    .description(
      "Download AWS's ip-ranges.json (or import a copy with --from) into trailwatch's cache folder",
    )
    .option('--from <file>', 'import this ip-ranges.json instead of downloading it')
    .configureOutput(output)
    .exitOverride()
    .addHelpText(
      'after',
      `
The cached file is used by \`trailwatch scan\` (instance-credentials-outside-aws needs it);
\`scan --aws-ip-ranges <file>\` and the config's awsIpRangesFile name another copy.
The cache folder is $XDG_CACHE_HOME/trailwatch, else ~/.cache/trailwatch.

Examples:
  trailwatch ip-ranges update
  curl -O https://ip-ranges.amazonaws.com/ip-ranges.json   # on a machine with network access
  trailwatch ip-ranges update --from ip-ranges.json
`,
    )
    .action(async (raw: { from?: string }) => {
      const cacheFile = cachedAwsIpRangesFile();
      try {
        const result = await updateAwsIpRanges({
          cacheFile,
          ...(raw.from === undefined ? {} : { from: raw.from }),
        });
        const { version, prefixCount } = result.ranges;
        io.stdout.write(
          `saved AWS IP ranges published ${publishedAt(version.createDate)} (syncToken ${version.syncToken}; ` +
            `${prefixCount.ipv4} IPv4 and ${prefixCount.ipv6} IPv6 prefixes) from ${result.source} to ${result.file}\n`,
        );
      } catch (error) {
        if (error instanceof AwsIpRangesDownloadError || error instanceof AwsIpRangesFormatError) {
          throw new UsageError(error.message, { cause: error });
        }
        if (error instanceof UsageError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        if (code) {
          throw new UsageError(`${cacheFile}: cannot write the cache (${code})`, { cause: error });
        }
        throw error;
      }
    });
  return new Command('ip-ranges')
    .description("Manage the copy of AWS's published IP address ranges that scans use")
    .configureOutput(output)
    .exitOverride()
    .addCommand(update);
}
