export * from './types';
export { services, frontend, service, storePorts, callersOf, purgeReceivers, purgeSenders } from './services';
export { deployedDefault, envFor, envDefaults, nodeEnv, serviceUrlVariable } from './env';
export {
  edgePaths,
  gatewayPublicEndpoints,
  resolveRoute,
  routeMatches,
  routeTable,
  type EdgePath,
  type RouteTableEntry,
} from './routes';
export { dynamoTableName } from './tables';
export { webPageFile, webPagePaths } from './web-pages';
export { scalingBehavior, scalingLoad, workerScalingBehavior, type ScalingLoad } from './scaling';
export { queueKeyPrefix, queueWaitList } from './worker-queue';
export { deploymentPaths, trustedProxyCount, type DeploymentPath } from './client-address';
export { awsPermissions, type AwsPermission } from './aws-apis';
export { bedrockModelArns, senderDomain } from './aws-resources';
export {
  applicationSecretKey,
  applicationSecretProperty,
  needsOutboundHttps,
  secretLayout,
  storeSecretKeys,
  type SecretSource,
} from './secret-layout';
export {
  alertDefinitions,
  alertRuleGroups,
  alertRunbook,
  alertSubjects,
  cloudWatchOnlyAlarms,
  deployables,
  burnRateAlerts,
  burnRateWindows,
  isAlertingRule,
  latencyBudget,
  promNumber,
  recordedRatios,
  runbookAnchor,
  runbookUrl,
  saturation,
  socialBacklogAlerts,
  type AlertDefinition,
  type AlertingRule,
  type AlertScope,
  type AlertSeverity,
  type CloudWatchCounterpart,
  type PrometheusRule,
  type PrometheusRuleGroup,
  type RecordingRule,
} from './alerts';
export { purgeBacklogReport } from './purge-backlog';
export {
  outboxBacklogReport,
  outboxes,
  outboxNames,
  outboxOwners,
  type OutboxDefinition,
  type OutboxName,
} from './outboxes';
