import {
  changeTemplates,
  ec2Templates,
  iamTemplates,
  kmsTemplates,
  lambdaTemplates,
  monitoringTemplates,
  platformTemplates,
  s3Templates,
  stsTemplates,
  type Template,
} from './background/index.js';
import type { Rng } from './prng.js';
import type { Account, World } from './world.js';

/**
 * The calls whose share of all events the benchmark corpus documents
 * (research/performance.md): their weights are percentages as written.
 */
const HEADLINE = new Set([
  'kms.amazonaws.com:Decrypt',
  'sts.amazonaws.com:AssumeRole',
  's3.amazonaws.com:GetObject',
  'kms.amazonaws.com:GenerateDataKey',
  's3.amazonaws.com:PutObject',
  'lambda.amazonaws.com:Invoke',
  'ec2.amazonaws.com:DescribeInstances',
]);

/**
 * Scales the long tail so all weights add up to 100: the headline calls keep
 * their documented percentages and the tail keeps its relative proportions.
 */
function withTailScaled(templates: readonly Template[]): Template[] {
  const isHead = (t: Template) => HEADLINE.has(`${t.source}:${t.name}`);
  const head = templates.filter(isHead).reduce((sum, t) => sum + t.weight, 0);
  const tail = templates.filter((t) => !isHead(t)).reduce((sum, t) => sum + t.weight, 0);
  const factor = (100 - head) / tail;
  return templates.map((t) => (isHead(t) ? t : { ...t, weight: t.weight * factor }));
}

/** Every kind of ordinary activity the corpus contains, weights in percent. */
export const ALL_TEMPLATES: readonly Template[] = withTailScaled([
  ...kmsTemplates,
  ...stsTemplates,
  ...s3Templates,
  ...lambdaTemplates,
  ...ec2Templates,
  ...iamTemplates,
  ...monitoringTemplates,
  ...platformTemplates,
  ...changeTemplates,
]);

interface Table {
  readonly templates: readonly Template[];
  /** Running sums of weights, for a binary search per draw. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

function buildTable(templates: readonly Template[]): Table {
  const cumulative = new Float64Array(templates.length);
  let total = 0;
  templates.forEach((t, i) => {
    total += t.weight;
    cumulative[i] = total;
  });
  return { templates, cumulative, total };
}

/**
 * Draws templates in their configured proportions. Global services only appear
 * in the global region's files and Organizations only in the management account,
 * as in a real organisation trail.
 */
export class Mixer {
  private readonly tables = new Map<string, Table>();

  constructor(
    private readonly world: World,
    private readonly templates: readonly Template[] = ALL_TEMPLATES,
  ) {}

  private tableFor(account: Account, region: string): Table {
    const global = region === this.world.globalRegion;
    const management = account === this.world.accounts[0];
    const key = `${global}|${management}`;
    let table = this.tables.get(key);
    if (!table) {
      table = buildTable(
        this.templates.filter((t) => (global || !t.global) && (management || !t.managementOnly)),
      );
      this.tables.set(key, table);
    }
    return table;
  }

  /** One template for an event of `account` logged in `region`. */
  draw(rng: Rng, account: Account, region: string): Template {
    const { templates, cumulative, total } = this.tableFor(account, region);
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) <= target) lo = mid + 1;
      else hi = mid;
    }
    return templates[lo] as Template;
  }
}
