import { randomUUID } from 'node:crypto';
import { type EngagementEvent, engagementEventsPath } from '@what-if/contracts';
import type { Logger } from '../logging';
import type { ServiceClient } from '../service-client';

/**
 * Tells social about a user's activity (experience points, streaks, achievements) after the
 * write it describes, without holding that write up: history when a scenario is saved,
 * sharing when a share is created. Best effort by design: the client retries a few times and
 * an event that still cannot be delivered (social down) is logged and dropped, as it costs only
 * that event's points; the caller's own request never waits for social or fails with it.
 * Social applies an event once per scenario and kind, so a repeated delivery earns nothing twice.
 */
export interface ActivityReporter {
  report(event: Omit<EngagementEvent, 'id' | 'occurredAt'>): void;
  /** Waits for deliveries under way (before the service closes its stores). */
  drain(): Promise<void>;
}

export function createActivityReporter(social: ServiceClient, logger: Logger): ActivityReporter {
  const sending = new Set<Promise<void>>();
  return {
    report(activity) {
      const event: EngagementEvent = { id: randomUUID(), occurredAt: new Date().toISOString(), ...activity };
      const delivery = social
        .request({ method: 'POST', path: engagementEventsPath, body: event, idempotent: true })
        .then((answer) => {
          if (answer.status >= 300) throw new Error(`social answered ${answer.status}`);
        })
        .catch((error: unknown) =>
          logger.warn(
            { err: error, event: event.id, kind: event.kind },
            'activity event not delivered to social; its points are lost',
          ),
        )
        .finally(() => sending.delete(delivery));
      sending.add(delivery);
    },
    async drain() {
      await Promise.all(sending);
    },
  };
}
