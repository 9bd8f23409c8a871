export { consoleGraphUrl } from './console-link.js';
export { type DenseSeries, inferPeriodSeconds, toDense } from './dense-series.js';
export {
  type FunctionSpikes,
  type JudgeOptions,
  type JudgeResult,
  judgeLambdaSeries,
  spikeFindings,
} from './evaluate.js';
export { functionResource, type MetricScope, metricEvidence } from './evidence.js';
export {
  lambdaInvocationSpike,
  type MetricDetector,
  type SpikeContext,
  spikeFinding,
} from './lambda-invocation-spike.js';
export { findSpikes, judgePeriod, type SpikeBasis, type SpikeVerdict } from './spike-model.js';
export {
  DEFAULT_SPIKE_TUNING,
  type LambdaSpikeSettings,
  LambdaSpikeSettingsSchema,
  lookbackDaysOf,
  type SpikeTuning,
  tuningFor,
} from './spike-settings.js';
