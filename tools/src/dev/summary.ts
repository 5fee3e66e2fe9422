import { type ServiceName, service } from '@what-if/catalog';
import { type DevConfig, dynamoEndpoint } from './config';

export interface ServiceUrls {
  name: ServiceName;
  base: string;
  /** The gateway's unified /health; each other service's own readiness. */
  health: string;
  metrics: string;
  openapi: string;
}

/** The addresses a developer opens; localhost, as a browser or curl would be given them. */
export function serviceUrls(config: DevConfig): ServiceUrls[] {
  return config.services.map((entry) => {
    const base = `http://localhost:${entry.port}`;
    return {
      name: entry.name,
      base,
      health: `${base}${entry.name === 'gateway' ? '/health' : entry.health.ready}`,
      metrics: `${base}/metrics`,
      openapi: `${base}/openapi.json`,
    };
  });
}

/** A store URL fit for the screen: the password, if any, masked. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function readyHeadline(elapsedMs: number, config?: DevConfig): string {
  const api = `http://localhost:${service('gateway').port}`;
  const seconds = (elapsedMs / 1000).toFixed(1);
  return config?.web
    ? `What If is ready in ${seconds} s: open http://localhost:${config.web.port} (the API: ${api})`
    : `What If is ready in ${seconds} s: ${api}`;
}

/** The table printed once the stack is ready: every service's health, metrics and contract, and the stores. */
export function readyTable(config: DevConfig): string {
  const rows = serviceUrls(config);
  const columns: Array<[string, string, string, string]> = [
    ['service', 'health', 'metrics', 'openapi'],
    ...rows.map((row): [string, string, string, string] => [row.name, row.health, row.metrics, row.openapi]),
  ];
  const widths = [0, 1, 2].map((index) => Math.max(...columns.map((column) => column[index]?.length ?? 0)));
  const lines = columns.map((column) =>
    `  ${column.map((cell, index) => (index < 3 ? cell.padEnd(widths[index] ?? 0) : cell)).join('  ')}`.trimEnd(),
  );
  const dynamo = `${dynamoEndpoint(config)} (dynalite, ${config.dynamodb.path ? `data in ${config.dynamodb.path}` : 'in memory'})`;
  return [
    ...lines,
    ...(config.web
      ? ['', `  web app     http://localhost:${config.web.port}  (/api and /s reach the gateway)`]
      : []),
    '',
    `  PostgreSQL  ${withoutPassword(config.databaseUrl)}`,
    `  Redis       ${withoutPassword(config.redisUrl)}${
      config.redisKeyPrefix !== undefined ? ` (keys under ${config.redisKeyPrefix}<service>:)` : ''
    }`,
    `  DynamoDB    ${dynamo}`,
    '',
    '  Ctrl-C stops everything (twice: at once).',
  ].join('\n');
}
