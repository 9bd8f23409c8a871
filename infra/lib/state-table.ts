import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { STATE_TABLE } from './defaults.js';

/** Props of {@link StateTable}. */
export interface StateTableProps {
  /**
   * What happens to the table when it leaves the stack. Its items are dedup marks and
   * detector windows that expire within days, so losing them costs at most a repeated alert.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Dedup marks and stateful-detector windows shared by the S3 and EventBridge paths (they
 * deliver the same event twice). On-demand, expired items removed by TTL, point-in-time
 * recovery on.
 */
export class StateTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: StateTableProps = {}) {
    super(scope, id);
    this.table = new Table(this, 'Resource', {
      partitionKey: { name: STATE_TABLE.partitionKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: STATE_TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
  }
}
