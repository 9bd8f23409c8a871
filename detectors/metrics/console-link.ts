const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A CloudWatch console link graphing the function's Invocations (Sum per period)
 * with Errors and Throttles, from `from` to `to` (epoch ms). The graph state goes
 * in the URL fragment in the console's own compact notation (`~(...)` objects,
 * `~'` strings, other characters as `*XX`). Only an allow-listed function name and
 * region ever enter it; undefined otherwise, rather than a link an attacker shaped.
 */
export function consoleGraphUrl(options: {
  readonly functionName: string;
  readonly region: string | undefined;
  readonly periodSeconds: number;
  readonly from: number;
  readonly to: number;
}): string | undefined {
  const { functionName, region, periodSeconds } = options;
  if (!FUNCTION_NAME.test(functionName)) return undefined;
  if (region !== undefined && !REGION.test(region)) return undefined;
  if (!Number.isInteger(periodSeconds) || periodSeconds <= 0) return undefined;
  const metric = (name: string) =>
    `~(~${str('AWS/Lambda')}~${str(name)}~${str('FunctionName')}~${str(functionName)})`;
  const graph = [
    `~(metrics~(${metric('Invocations')}${metric('Errors')}${metric('Throttles')})`,
    `~view~${str('timeSeries')}~stacked~false`,
    region ? `~region~${str(region)}` : '',
    `~stat~${str('Sum')}~period~${periodSeconds}`,
    `~start~${str(new Date(options.from).toISOString())}~end~${str(new Date(options.to).toISOString())})`,
  ].join('');
  const host = region
    ? `https://${region}.console.aws.amazon.com`
    : 'https://console.aws.amazon.com';
  const query = region ? `?region=${region}` : '';
  return `${host}/cloudwatch/home${query}#metricsV2?graph=${graph}`;
}

/** A string in the console's notation: `'` then the text, characters outside [A-Za-z0-9._-] as `*XX`. */
function str(text: string): string {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9._-]/.test(char)) out += char;
    else if (code <= 0xff) out += `*${code.toString(16).padStart(2, '0')}`;
    else out += `**${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
