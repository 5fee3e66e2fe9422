/** The physical name of a service's DynamoDB table under an environment's prefix. */
export function dynamoTableName(prefix: string, table: string): string {
  return `${prefix}${table}`;
}
