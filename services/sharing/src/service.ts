import { dynamoTableName, service } from '@what-if/catalog';
import { jwksUrl } from '@what-if/contracts';
import {
  type ServiceDefinition,
  createActivityReporter,
  createServiceClient,
  jwksVerifier,
  startOwnerPurgeRelay,
} from '@what-if/kit';
import { dynamoFromConfig, dynamoPurgeOutbox } from '@what-if/kit/dynamodb';
import { buildApp } from './app';
import { createAccountDirectory } from './account-directory';
import { configSchema } from './config';
import { createPreviewImages } from './images/og-image';
import { registerPreviewFonts } from './images/fonts';
import { shareLinks } from './links';
import { createReportDelivery } from './report-delivery';
import { createScenarioSource } from './scenario-source';
import { createShareSignalDelivery } from './share-signal-delivery';
import { createSharingMetrics } from './sharing-metrics';
import { createShareStore } from './store/share-store';
import { createViewCounter } from './view-counter';

/** The catalog's one table for sharing. */
const sharesTable = service('sharing').dynamoTables[0]!;

export const sharingService: ServiceDefinition<typeof configSchema> = {
  name: 'sharing',
  schema: configSchema,
  async start({ config, logger, metrics, identity, validateResponses }) {
    // A missing font is a broken image, not a degraded one: refuse to start.
    registerPreviewFonts();
    const dynamo = await dynamoFromConfig(config, service('sharing').dynamoTables, logger);
    const tableName = dynamoTableName(config.DYNAMODB_TABLE_PREFIX, sharesTable.name);
    const store = createShareStore(dynamo.documents, tableName);
    const outbox = dynamoPurgeOutbox({ documents: dynamo.documents, tableName, origin: 'sharing' });
    // A deleted share reaches social, now or once it is back.
    const purgeRelay = startOwnerPurgeRelay({
      owner: 'sharing',
      config,
      outbox,
      // The delete itself, repeated in case a crash came between the intent and the delete.
      local: {
        name: 'sharing',
        apply: async (instruction) => {
          if (instruction.kind === 'share') await store.purgeShare(instruction.subjectId);
        },
      },
      logger,
      registry: metrics.registry,
      identity,
      pollMs: config.PURGE_RELAY_POLL_MS,
    });
    const sharingMetrics = createSharingMetrics(metrics.registry);
    const history = createServiceClient({
      upstream: 'history',
      baseUrl: config.HISTORY_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
      timeoutMs: 2_000,
    });
    const social = createServiceClient({
      upstream: 'social',
      baseUrl: config.SOCIAL_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
      timeoutMs: 2_000,
    });
    const user = createServiceClient({
      upstream: 'user',
      baseUrl: config.USER_SERVICE_URL,
      registry: metrics.registry,
      logger,
      identity,
      timeoutMs: 2_000,
    });
    // Read lazily and kept once read: DynamoDB may still be coming up when the service starts.
    let visitorKey: Promise<Buffer> | undefined;
    const views = createViewCounter({
      record: (view) => store.recordView(view),
      metrics: sharingMetrics,
      logger,
    });
    const reports = createReportDelivery({ store, social, logger, registry: metrics.registry });
    const activity = createActivityReporter(social, logger);
    reports.start();
    // Counted views reach social's trending, now or once it is back.
    const signals = createShareSignalDelivery({ store, social, logger, registry: metrics.registry });
    signals.start();
    const passwordWindowSeconds = config.SHARE_PASSWORD_WINDOW_SECONDS;
    return {
      app: buildApp({
        logger,
        metrics,
        identity,
        validateResponses,
        sharing: {
          store,
          scenarios: createScenarioSource({ history, logger, cacheSeconds: config.SCENARIO_CACHE_SECONDS }),
          accounts: createAccountDirectory({ user, logger, cacheSeconds: config.SCENARIO_CACHE_SECONDS }),
          verifier: jwksVerifier(
            {
              jwksUrl: jwksUrl(config.USER_SERVICE_URL),
              issuer: config.JWT_ISSUER,
              audience: config.JWT_AUDIENCE,
            },
            logger,
          ),
          logger,
          metrics: sharingMetrics,
          links: shareLinks(config.PUBLIC_API_URL, config.PUBLIC_APP_URL),
          previews: createPreviewImages({ onRender: (seconds) => sharingMetrics.ogRenders.observe(seconds) }),
          views,
          reports,
          purges: { record: (...args) => outbox.record(...args), nudge: () => purgeRelay.relay.nudge() },
          activity,
          limits: {
            passwordPerShare: {
              scope: 'password-share',
              limit: config.SHARE_PASSWORD_FAILURES_PER_SHARE,
              windowSeconds: passwordWindowSeconds,
            },
            passwordPerClient: {
              scope: 'password-client',
              limit: config.SHARE_PASSWORD_FAILURES_PER_IP,
              windowSeconds: passwordWindowSeconds,
            },
            reportsPerNetwork: {
              scope: 'reports-network',
              limit: config.REPORTS_PER_IP_PER_HOUR,
              windowSeconds: 3600,
            },
          },
          countryHeader: config.COUNTRY_HEADER,
          visitorKey: () => {
            visitorKey ??= store.visitorKey().catch((error: unknown) => {
              visitorKey = undefined;
              throw error;
            });
            return visitorKey;
          },
        },
      }),
      stores: [dynamo],
      async beforeStoresClose() {
        await reports.stop();
        await signals.stop();
        await purgeRelay.close();
        await views.drain();
        await activity.drain();
        history.close();
        social.close();
        user.close();
      },
    };
  },
};
