import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MetricsFileError } from '../../../ingest/metrics/errors.js';
import { parseSeriesLabel } from '../../../ingest/metrics/label.js';
import { parseMetricsContent } from '../../../ingest/metrics/read-file.js';

const T = '2024-05-14T09:00:00+00:00';
const T5 = '2024-05-14T09:05:00+00:00';

/** What `aws cloudwatch get-metric-data --output json` prints (timestamps newest first). */
const CLI_OUTPUT = {
  MetricDataResults: [
    {
      Id: 'm0',
      Label: 'billing-export Invocations',
      Timestamps: [T5, T],
      Values: [120.0, 97.0],
      StatusCode: 'Complete',
    },
    {
      Id: 'm1',
      Label: 'billing-export Errors',
      Timestamps: [],
      Values: [],
      StatusCode: 'Complete',
    },
  ],
  Messages: [],
};

const read = (content: string | Buffer) =>
  parseMetricsContent('metrics.json', Buffer.isBuffer(content) ? content : Buffer.from(content));

describe('parseMetricsContent', () => {
  it('reads a GetMetricData response as the AWS CLI prints it, oldest point first', () => {
    // Act
    const { series, warnings } = read(JSON.stringify(CLI_OUTPUT));

    // Assess
    expect(warnings).toEqual([]);
    expect(series).toEqual([
      {
        label: 'billing-export Errors',
        functionName: 'billing-export',
        metric: 'Errors',
        points: [],
        complete: true,
        status: 'Complete',
      },
      {
        label: 'billing-export Invocations',
        functionName: 'billing-export',
        metric: 'Invocations',
        points: [
          { time: Date.parse(T), value: 97 },
          { time: Date.parse(T5), value: 120 },
        ],
        complete: true,
        status: 'Complete',
      },
    ]);
  });

  it('merges pages, keeps the last page status, and takes epoch-second timestamps', () => {
    const pages = [
      {
        MetricDataResults: [
          {
            Id: 'm0',
            Label: 'api',
            Timestamps: [1715677200],
            Values: [5],
            StatusCode: 'PartialData',
          },
        ],
        NextToken: 'abc',
      },
      {
        MetricDataResults: [
          { Id: 'm0', Label: 'api', Timestamps: [1715677500], Values: [7], StatusCode: 'Complete' },
        ],
      },
    ];

    const [series] = read(JSON.stringify(pages)).series;

    expect(series?.functionName).toBe('api');
    expect(series?.metric).toBe('Invocations');
    expect(series?.points.map((p) => p.value)).toEqual([5, 7]);
    expect(series?.complete).toBe(true);
  });

  it('marks a series whose last status is not Complete as incomplete', () => {
    const partial = {
      MetricDataResults: [{ ...CLI_OUTPUT.MetricDataResults[0], StatusCode: 'InternalError' }],
    };

    expect(read(JSON.stringify(partial)).series[0]?.complete).toBe(false);
  });

  it('reads CSV with a header in any order, quoted fields and gzip', () => {
    const csv = [
      'Timestamp,Value,"Label"',
      `${T},3,"billing-export Invocations"`,
      `${T5},4,billing-export Invocations`,
      `${T5},x,billing-export Invocations`,
    ].join('\n');

    const { series, warnings } = read(gzipSync(csv));

    expect(series[0]?.points.map((p) => p.value)).toEqual([3, 4]);
    expect(warnings).toEqual([
      'series "billing-export Invocations": 1 datapoints without a valid time or value ignored',
    ]);
  });

  it('reports series it cannot use and keeps the others', () => {
    const odd = {
      MetricDataResults: [
        CLI_OUTPUT.MetricDataResults[0],
        { Id: 'm9', Label: 'not a; function', Timestamps: [T], Values: [1] },
        { Id: 'm8', Label: 'short', Timestamps: [T, T5], Values: [1] },
        'garbage',
      ],
    };

    const { series, warnings } = read(JSON.stringify(odd));

    expect(series.map((s) => s.label)).toEqual(['billing-export Invocations', 'short']);
    expect(warnings).toEqual([
      'series "short": 2 timestamps but 1 values; the extra ones are ignored',
      'result 3: not an object; ignored',
      'series "not a; function": the label does not name a Lambda function ("<function> <Metric>"); ignored',
    ]);
  });

  it.each([
    ['invalid JSON', '{"MetricDataResults": [', /invalid JSON/],
    ['JSON of another shape', '{"Records": []}', /without MetricDataResults/],
    ['text that is not CSV of series', 'hello\nworld\n', /neither GetMetricData JSON nor CSV/],
    ['corrupt gzip', Buffer.from([0x1f, 0x8b, 0, 1, 2]), /gzip/],
  ])('refuses %s with a named error', (_name, content, message) => {
    expect(() => read(content as string)).toThrow(MetricsFileError);
    expect(() => read(content as string)).toThrow(message);
  });
});

describe('parseSeriesLabel', () => {
  it.each([
    ['billing-export Invocations', { functionName: 'billing-export', metric: 'Invocations' }],
    ['billing-export throttles', { functionName: 'billing-export', metric: 'Throttles' }],
    ['billing_export', { functionName: 'billing_export', metric: 'Invocations' }],
    ['a b c', undefined],
    ['arn:aws:lambda:x Invocations', undefined],
    ['', undefined],
  ])('reads %j', (label, expected) => {
    expect(parseSeriesLabel(label)).toEqual(expected);
  });
});
