import { type ServiceName, purgeReceivers, serviceUrlVariable, service } from '@what-if/catalog';
import type { Registry } from 'prom-client';
import { ConfigError } from '../config';
import type { ServiceIdentity } from '../identity/service-tokens';
import type { Logger } from '../logging';
import { type ServiceClient, createServiceClient } from '../service-client';
import { type PurgeOutbox, type PurgeRelay, type PurgeRelayOptions, createPurgeRelay } from './purge-relay';

export interface OwnerPurgeRelayOptions {
  /** The owning service: the catalog says which kinds it owns and so whom it tells. */
  owner: ServiceName;
  /** Its parsed configuration, which holds a `<RECEIVER>_SERVICE_URL` for every receiver. */
  config: object;
  outbox: PurgeOutbox;
  local?: PurgeRelayOptions['local'];
  logger: Logger;
  registry: Registry;
  identity: ServiceIdentity;
  pollMs: number;
}

export interface OwnerPurgeRelay {
  relay: PurgeRelay;
  /** Stops the relay (waiting for a pass under way) and closes its clients. */
  close(): Promise<void>;
}

/**
 * The purge relay of a service that owns purge kinds (docs/cross-service.md §2), with a kit
 * client for every receiver the catalog lists for those kinds. Started; `close` stops it.
 */
export function startOwnerPurgeRelay(options: OwnerPurgeRelayOptions): OwnerPurgeRelay {
  const { owner, logger } = options;
  const owned = service(owner).purges?.owns ?? [];
  const receivers = [...new Set(owned.flatMap((kind) => purgeReceivers(kind)))].filter(
    (receiver) => receiver !== owner,
  );
  const clients = new Map<ServiceName, ServiceClient>(
    receivers.map((receiver) => {
      const url = (options.config as Record<string, unknown>)[serviceUrlVariable(receiver)];
      if (typeof url !== 'string')
        throw new ConfigError(owner, [
          `${serviceUrlVariable(receiver)} is missing: ${receiver} receives ${owner}'s purges`,
        ]);
      return [
        receiver,
        createServiceClient({
          upstream: receiver,
          baseUrl: url,
          registry: options.registry,
          logger,
          identity: options.identity,
        }),
      ];
    }),
  );
  const relay = createPurgeRelay({
    outbox: options.outbox,
    clients,
    logger,
    registry: options.registry,
    pollMs: options.pollMs,
    ...(options.local ? { local: options.local } : {}),
  });
  relay.start();
  return {
    relay,
    async close() {
      await relay.stop();
      for (const client of clients.values()) client.close();
    },
  };
}
