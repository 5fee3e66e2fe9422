'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { apiResponse } from '@/api/client';
import { readEventStream } from '@/api/event-stream';

/**
 * The signed-in person's unread notifications, kept live by one stream per tab
 * (`/api/v1/social/notifications/stream`, read with fetch, which can send the token; the
 * service sends `unread` at once and on every change). A stream that ends (a deploy, a network
 * change) is opened again after a pause that grows to a minute; the notifications page sets the
 * count itself after marking things read.
 */
let unread: number | null = null;
const listeners = new Set<() => void>();

function publish(next: number | null): void {
  unread = next;
  for (const listener of listeners) listener();
}

export function setUnreadCount(next: number): void {
  publish(next);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pauses = [2_000, 5_000, 15_000, 60_000];

export function useUnreadCount(signedIn: boolean): number | null {
  useEffect(() => {
    if (!signedIn) {
      publish(null);
      return;
    }
    const abort = new AbortController();
    let failures = 0;
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          const response = await apiResponse('/api/v1/social/notifications/stream', {
            accept: 'text/event-stream',
            signal: abort.signal,
          });
          if (!response.body) return;
          for await (const event of readEventStream(response.body)) {
            if (event.event !== 'unread') continue;
            failures = 0;
            publish((JSON.parse(event.data) as { unread: number }).unread);
          }
        } catch (error) {
          if ((error as Error).name === 'AbortError') return;
        }
        const pause = pauses[Math.min(failures, pauses.length - 1)]!;
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    })();
    return () => abort.abort();
  }, [signedIn]);
  return useSyncExternalStore(
    subscribe,
    () => unread,
    () => null,
  );
}
