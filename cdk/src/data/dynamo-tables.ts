import {
  services,
  dynamoTableName,
  type DynamoKey,
  type DynamoTable,
  type ServiceName,
} from '@what-if/catalog';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
  type Attribute,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { dynamoTablePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';

export interface DynamoTablesProps {
  readonly config: EnvironmentConfig;
  readonly encryptionKey: IKey;
}

const attributeTypes: Record<DynamoKey['type'], AttributeType> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

function attribute(key: DynamoKey): Attribute {
  return { name: key.name, type: attributeTypes[key.type] };
}

/** Every table the catalog's services declare, named DYNAMODB_TABLE_PREFIX + the catalog name. */
export class DynamoTables extends Construct {
  private readonly byService = new Map<ServiceName, Table[]>();

  constructor(scope: Construct, id: string, props: DynamoTablesProps) {
    super(scope, id);
    for (const entry of services) {
      this.byService.set(
        entry.name,
        entry.dynamoTables.map((table) => this.createTable(table, props)),
      );
    }
  }

  /** The tables one service owns; only it is granted access to them. */
  tablesOf(service: ServiceName): readonly Table[] {
    return this.byService.get(service) ?? [];
  }

  all(): Table[] {
    return [...this.byService.values()].flat();
  }

  private createTable(declared: DynamoTable, props: DynamoTablesProps): Table {
    const { config } = props;
    const capacity = config.dynamo.capacity;
    const provisioned = capacity.mode === 'provisioned';
    const table = new Table(this, declared.name, {
      tableName: dynamoTableName(dynamoTablePrefix(config.name), declared.name),
      partitionKey: attribute(declared.partitionKey),
      ...(declared.sortKey ? { sortKey: attribute(declared.sortKey) } : {}),
      ...(declared.ttlAttribute ? { timeToLiveAttribute: declared.ttlAttribute } : {}),
      billingMode: provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
      ...(provisioned ? { readCapacity: capacity.read.min, writeCapacity: capacity.write.min } : {}),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      deletionProtection: config.dynamo.deletionProtection,
      removalPolicy: dataRemovalPolicy(config),
    });
    for (const index of declared.globalIndexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        projectionType: ProjectionType.ALL,
        ...(provisioned ? { readCapacity: capacity.read.min, writeCapacity: capacity.write.min } : {}),
      });
    }
    if (capacity.mode === 'provisioned') {
      const target = { targetUtilizationPercent: capacity.targetUtilizationPercent };
      table
        .autoScaleReadCapacity({ minCapacity: capacity.read.min, maxCapacity: capacity.read.max })
        .scaleOnUtilization(target);
      table
        .autoScaleWriteCapacity({ minCapacity: capacity.write.min, maxCapacity: capacity.write.max })
        .scaleOnUtilization(target);
      for (const index of declared.globalIndexes ?? []) {
        table
          .autoScaleGlobalSecondaryIndexReadCapacity(index.name, {
            minCapacity: capacity.read.min,
            maxCapacity: capacity.read.max,
          })
          .scaleOnUtilization(target);
        table
          .autoScaleGlobalSecondaryIndexWriteCapacity(index.name, {
            minCapacity: capacity.write.min,
            maxCapacity: capacity.write.max,
          })
          .scaleOnUtilization(target);
      }
    }
    return table;
  }
}
