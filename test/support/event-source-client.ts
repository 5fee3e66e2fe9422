import { EventSource } from 'eventsource';

export interface ReceivedEvent {
  type: string;
  data: Record<string, unknown>;
}

/** Every event type the generation stream sends. */
const eventTypes = ['meta', 'delta', 'section', 'restart', 'done', 'error'];

export interface StreamedGeneration {
  events: ReceivedEvent[];
  /** Resolves once `done` or `error` arrived (the client then closes, as it must to avoid a reconnect). */
  finished: Promise<ReceivedEvent[]>;
  /** Resolves at the first event of this type. */
  first(type: string): Promise<ReceivedEvent>;
  close(): void;
}

/** POSTs a generation request with a real EventSource client and records the events in order. */
export function streamGeneration(
  url: string,
  body: Record<string, unknown>,
  options: { token?: string } = {},
): StreamedGeneration {
  const events: ReceivedEvent[] = [];
  const waiting: Array<{ type: string; resolve: (event: ReceivedEvent) => void }> = [];
  let finish: (events: ReceivedEvent[]) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<ReceivedEvent[]>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const source = new EventSource(`${url}/api/v1/scenarios`, {
    fetch: (input, init) =>
      fetch(input, {
        ...init,
        method: 'POST',
        headers: {
          ...(init.headers as Record<string, string>),
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify(body),
      }),
  });
  for (const type of eventTypes) {
    source.addEventListener(type, (event) => {
      const message = event as unknown as { data?: string; message?: string };
      if (message.data === undefined) {
        // A transport error (or a non-200 answer), not the service's error event.
        source.close();
        fail(
          new Error(
            `the event stream failed: ${(event as unknown as { message?: string }).message ?? 'unknown'}`,
          ),
        );
        return;
      }
      const received = { type, data: JSON.parse(message.data) as Record<string, unknown> };
      events.push(received);
      for (const waiter of waiting.filter((candidate) => candidate.type === type)) waiter.resolve(received);
      if (type === 'done' || type === 'error') {
        source.close();
        finish(events);
      }
    });
  }
  return {
    events,
    finished,
    first: (type) =>
      new Promise((resolve) => {
        const seen = events.find((event) => event.type === type);
        if (seen) resolve(seen);
        else waiting.push({ type, resolve });
      }),
    close: () => source.close(),
  };
}
