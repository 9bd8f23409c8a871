import { LAMBDA_METRICS } from './types.js';

/** Lambda function names: letters, digits, hyphens and underscores, up to 64. */
export const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The Label the detector gives its own GetMetricData queries: `<function> <Metric>`
 * (`billing-export Invocations`). A function name holds no space, so the label
 * splits back unambiguously; files written by hand may label a series with the
 * bare function name, read as its Invocations.
 */
export function seriesLabel(functionName: string, metric: string): string {
  return `${functionName} ${metric}`;
}

/** A label's function and metric, or undefined when it does not name a Lambda function. */
export function parseSeriesLabel(
  label: string,
): { readonly functionName: string; readonly metric: string } | undefined {
  const text = label.trim();
  const space = text.lastIndexOf(' ');
  if (space === -1)
    return FUNCTION_NAME.test(text) ? { functionName: text, metric: 'Invocations' } : undefined;
  const functionName = text.slice(0, space).trim();
  const metric = text.slice(space + 1);
  if (!FUNCTION_NAME.test(functionName) || !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(metric)) {
    return undefined;
  }
  const known = LAMBDA_METRICS.find((m) => m.toLowerCase() === metric.toLowerCase());
  return { functionName, metric: known ?? metric };
}
