export {
  ConfigError,
  baseConfigSchema,
  pemText,
  booleanFlag,
  storeConfig,
  baseUrl,
  loadConfig,
  type BaseConfig,
} from './config';
export {
  REQUEST_ID_HEADER,
  currentContext,
  currentRequestId,
  isAcceptableRequestId,
  requestIdFrom,
  runWithContext,
  type RequestContext,
} from './context';
export {
  createLogger,
  logSecurityEvent,
  type Logger,
  type LoggerOptions,
  type SecurityOutcome,
} from './logging';
export {
  createMetrics,
  eventStreamRouteSuffix,
  httpDurationBuckets,
  httpMetricsMiddleware,
  metricsHandler,
  routeTemplate,
  scrapeRead,
  scrapeReadDeadlineMs,
  type ServiceMetrics,
} from './metrics';
export {
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  methodNotAllowedHandler,
  notFoundHandler,
  problemHandler,
  problemBody,
  problemType,
  sendProblem,
  toProblem,
  validationProblem,
  type InvalidField,
  type ProblemBody,
  type ProblemOptions,
} from './problems';
export { openEventStream, type EventStream } from './event-stream';
export {
  loadOpenApiDocument,
  openApiValidation,
  type OpenApiDocument,
  type ValidationOptions,
} from './openapi';
export {
  createServiceApp,
  requestContext,
  requestLogging,
  type AppDependencies,
  type ServiceAppOptions,
} from './http';
export {
  checkStores,
  serve,
  type HealthHeaders,
  type RunningService,
  type ServeOptions,
  type ShutdownOptions,
  type StoreCheck,
} from './server';
export {
  UpstreamError,
  createServiceClient,
  type ServiceClient,
  type ServiceClientOptions,
  type ServiceRequest,
  type ServiceResponse,
} from './service-client';
export { type Store, withTimeout } from './stores/readiness';
export { dependencyUnavailable } from './stores/unavailable';
export { dependencyFaults, type DependencyFaults } from './dependency-faults';
export {
  runService,
  startService,
  type ServiceDefinition,
  type StartContext,
  type StartOptions,
  type Started,
  type StartedService,
} from './run';
export * from './identity';
export {
  createOutboxRelay,
  outboxRetryDelay,
  type DeliveryOutcome,
  type OutboxRelay,
  type OutboxRelayOptions,
  type OutboxStore,
} from './outbox/outbox-relay';
export { namedBacklogGauges, outboxMetrics, type OutboxBacklog } from './outbox/outbox-metrics';
export {
  createPurgeRelay,
  type PendingPurge,
  type PurgeOutbox,
  type PurgeRelay,
  type PurgeRelayOptions,
} from './purges/purge-relay';
export {
  startOwnerPurgeRelay,
  type OwnerPurgeRelay,
  type OwnerPurgeRelayOptions,
} from './purges/owner-purge-relay';
export { createActivityReporter, type ActivityReporter } from './engagement/activity-reporter';
// Store drivers load only where used: @what-if/kit/postgres, @what-if/kit/redis, @what-if/kit/dynamodb.
export * from './auth';
