import { CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { IrisTable } from '../constructs/iris-table';
import type { Stage } from '../stage';

export interface TenantStageStackProps extends StackProps {
  readonly tenant: string;
  readonly stage: Stage;
}

/** Everything one tenant needs in one stage (dev or prod). Today: the table. */
export class TenantStageStack extends Stack {
  readonly table: IrisTable;

  constructor(scope: Construct, id: string, props: TenantStageStackProps) {
    super(scope, id, props);
    Tags.of(this).add('iris:tenant', props.tenant);
    Tags.of(this).add('iris:stage', props.stage);
    this.table = new IrisTable(this, 'Storage', { production: props.stage === 'prod' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
  }
}
