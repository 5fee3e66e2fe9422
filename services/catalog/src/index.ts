export * from './types';
export { services, frontend, service, storePorts } from './services';
export { envFor, envDefaults, serviceUrlVariable } from './env';
export { routeTable, routeMatches, resolveRoute, type RouteTableEntry } from './routes';
export { dynamoTableName } from './tables';
