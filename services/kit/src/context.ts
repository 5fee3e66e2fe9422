import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with a request through every await: its correlation id, later its caller. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const REQUEST_ID_HEADER = 'x-request-id';

/** Inbound ids are accepted only in a shape that is safe to log and to forward. */
const acceptableRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function isAcceptableRequestId(value: unknown): value is string {
  return typeof value === 'string' && acceptableRequestId.test(value);
}

/** The inbound id when it is well formed, otherwise a fresh one. */
export function requestIdFrom(inbound: string | string[] | undefined): string {
  const candidate = Array.isArray(inbound) ? inbound[0] : inbound;
  return isAcceptableRequestId(candidate) ? candidate : randomUUID();
}

export function runWithContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
