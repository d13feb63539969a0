import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { DynamoDbAction } from '../functions/api/route.ts';
import { type TableDefinition, tableDefinitions } from '../functions/tables.ts';

/**
 * The stateful part of the stack: every table from `functions/tables.ts`, on-demand. Tables that
 * hold data which cannot be recreated (users) get point-in-time recovery, deletion protection and
 * survive stack deletion; the rest (short-lived tokens) are disposable.
 */
export class DataTables extends Construct {
  private readonly tables = new Map<TableDefinition, TableV2>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const def of tableDefinitions) {
      this.tables.set(
        def,
        new TableV2(this, def.id, {
          partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
          ...(def.sortKey === undefined
            ? {}
            : { sortKey: { name: def.sortKey, type: AttributeType.STRING } }),
          globalSecondaryIndexes: (def.indexes ?? []).map((index) => ({
            indexName: index.name,
            partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
            ...(index.sortKey === undefined
              ? {}
              : { sortKey: { name: index.sortKey, type: AttributeType.STRING } }),
            projectionType: ProjectionType.ALL,
          })),
          billing: Billing.onDemand(),
          ...(def.ttlAttribute === undefined ? {} : { timeToLiveAttribute: def.ttlAttribute }),
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: def.stateful },
          deletionProtection: def.stateful,
          removalPolicy: def.stateful ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        }),
      );
    }
  }

  table(def: TableDefinition): TableV2 {
    const table = this.tables.get(def);
    if (table === undefined) throw new Error(`No table for definition ${def.id}`);
    return table;
  }

  /**
   * Gives every table's name to the function (its config requires them all) without any access.
   * Access comes only from `grant`.
   */
  exposeNames(fn: LambdaFunction): void {
    for (const [def, table] of this.tables) fn.addEnvironment(def.envVar, table.tableName);
  }

  /**
   * Allows exactly `actions` on the table and sets its name variable. Only `Query` reaches the
   * table's indexes (the lists query them), so only then do the index ARNs join the resources:
   * each by name, no wildcard.
   */
  grant(fn: LambdaFunction, def: TableDefinition, actions: readonly DynamoDbAction[]): void {
    const table = this.table(def);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [
          table.tableArn,
          ...(actions.includes('Query')
            ? (def.indexes ?? []).map((index) => `${table.tableArn}/index/${index.name}`)
            : []),
        ],
      }),
    );
    fn.addEnvironment(def.envVar, table.tableName);
  }
}
