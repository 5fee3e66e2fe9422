import { ProviderError } from './provider-error';

export interface RemoteCallLimits {
  /** Silence on the wire longer than this abandons the attempt (a stalled stream). */
  idleTimeoutMs: number;
  /** The whole attempt may take no longer than this. */
  timeoutMs: number;
}

/**
 * One remote attempt's cancellation: the client's signal, an overall deadline and an idle
 * timer that each byte received resets. `failure` turns whatever the transport threw after
 * an abort into the reason that caused it.
 */
export interface RemoteCall {
  signal: AbortSignal;
  /** Call on every chunk received. */
  touch(): void;
  failure(error: unknown): unknown;
  dispose(): void;
}

export function startRemoteCall(
  provider: string,
  clientSignal: AbortSignal,
  limits: RemoteCallLimits,
): RemoteCall {
  const controller = new AbortController();
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () =>
        controller.abort(
          new ProviderError(
            provider,
            'idle_timeout',
            `the stream stayed silent for ${limits.idleTimeoutMs} ms`,
          ),
        ),
      limits.idleTimeoutMs,
    );
  };
  const deadline = setTimeout(
    () =>
      controller.abort(
        new ProviderError(provider, 'timeout', `no complete answer within ${limits.timeoutMs} ms`),
      ),
    limits.timeoutMs,
  );
  armIdle();
  const signal = AbortSignal.any([clientSignal, controller.signal]);
  return {
    signal,
    touch: armIdle,
    failure(error) {
      if (clientSignal.aborted) return clientSignal.reason ?? error;
      if (controller.signal.aborted) return controller.signal.reason;
      if (error instanceof ProviderError) return error;
      return new ProviderError(provider, 'transport', (error as Error).message ?? 'the request failed', {
        cause: error,
      });
    },
    dispose() {
      clearTimeout(idleTimer);
      clearTimeout(deadline);
    },
  };
}
