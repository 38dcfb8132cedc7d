import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { IRIS_TABLE, indexNames } from '#adapters/dynamodb/table-design';

export interface IrisTableProps {
  /**
   * Production keeps its data: deletion protection on and the table RETAINed when the stack goes away.
   * Anything else is disposable (DESTROY, no deletion protection).
   */
  readonly production: boolean;
}

/** IRIS's single table, built from `IRIS_TABLE` (the same data the test harness creates in DynamoDB Local). */
export class IrisTable extends Construct {
  readonly table: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: IrisTableProps) {
    super(scope, id);
    const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: stringKey(IRIS_TABLE.partitionKey),
      sortKey: stringKey(IRIS_TABLE.sortKey),
      billing: dynamodb.Billing.onDemand(),
      globalSecondaryIndexes: indexNames().map((indexName) => {
        const index = IRIS_TABLE.globalSecondaryIndexes[indexName];
        return {
          indexName,
          partitionKey: stringKey(index.partitionKey),
          sortKey: stringKey(index.sortKey),
          projectionType: dynamodb.ProjectionType.ALL,
        };
      }),
      timeToLiveAttribute: IRIS_TABLE.timeToLiveAttribute,
      dynamoStream: dynamodb.StreamViewType[IRIS_TABLE.streamViewType],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.production,
      removalPolicy: props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
  }
}
