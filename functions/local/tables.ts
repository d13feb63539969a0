import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type KeySchemaElement,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { type TableDefinition, tableDefinitions } from '../tables.ts';

function keySchema(partitionKey: string, sortKey?: string): KeySchemaElement[] {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    ...(sortKey === undefined ? [] : [{ AttributeName: sortKey, KeyType: 'RANGE' as const }]),
  ];
}

/** Every key attribute of the table and its indexes, once each (all strings). */
function attributeDefinitions(table: TableDefinition): AttributeDefinition[] {
  const names = new Set([table.partitionKey, table.sortKey]);
  for (const index of table.indexes ?? []) names.add(index.partitionKey).add(index.sortKey);
  return [...names]
    .filter((name) => name !== undefined)
    .map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));
}

/** Creates the stack's tables (same keys, indexes and TTL attribute) unless they already exist. */
export async function ensureTables(client: DynamoDBClient, definitions = tableDefinitions): Promise<void> {
  for (const table of definitions as readonly TableDefinition[]) {
    const indexes = table.indexes ?? [];
    try {
      await client.send(
        new CreateTableCommand({
          TableName: table.localName,
          AttributeDefinitions: attributeDefinitions(table),
          KeySchema: keySchema(table.partitionKey, table.sortKey),
          ...(indexes.length === 0
            ? {}
            : {
                GlobalSecondaryIndexes: indexes.map((index) => ({
                  IndexName: index.name,
                  KeySchema: keySchema(index.partitionKey, index.sortKey),
                  Projection: { ProjectionType: 'ALL' },
                })),
              }),
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    if (table.ttlAttribute) {
      const { TimeToLiveDescription } = await client.send(
        new DescribeTimeToLiveCommand({ TableName: table.localName }),
      );
      if (TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: table.localName,
            TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
          }),
        );
      }
    }
  }
}
