// Written by `make capacity` (tools/src/capacity); do not edit: run it again.
// Not measured yet.
import type { ServiceName } from './catalog.ts';

/** CPU milliseconds each service spends per request of each route, measured; empty before the first run. */
export const cpuMsPerRequest: Readonly<Record<string, Partial<Record<ServiceName, number>>>> = {};

export const measuredOn = 'not measured yet';
