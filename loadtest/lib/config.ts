/**
 * Everything a run can be told, from environment variables (`k6 run -e NAME=value` or the
 * environment), with defaults that suit `make dev` on a laptop. A bad value stops the run
 * in the init context with a message naming the variable.
 */
import { localGatewayUrl } from './catalog.ts';

export const profiles = ['smoke', 'load', 'stress', 'spike', 'soak', 'autoscale'] as const;
export type Profile = (typeof profiles)[number];

function text(name: string, fallback: string): string {
  const value = __ENV[name];
  return value === undefined || value === '' ? fallback : value;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = __ENV[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of 0 or more (got "${raw}")`);
  }
  return value;
}

function wholeNumber(name: string, fallback: number): number {
  const value = positiveNumber(name, fallback);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of 1 or more (got "${__ENV[name]}")`);
  }
  return value;
}

/** A k6 duration: a number and a unit, as in 30s, 10m, 2h, 1h30m. */
function duration(name: string, fallback: string): string {
  const value = text(name, fallback);
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value)) {
    throw new Error(`${name} must be a duration such as 30s, 10m or 2h (got "${value}")`);
  }
  return value;
}

function profileFrom(name: string): Profile {
  const value = text(name, 'smoke');
  if (!(profiles as readonly string[]).includes(value)) {
    throw new Error(`${name} must be one of ${profiles.join(', ')} (got "${value}")`);
  }
  return value as Profile;
}

export const config = {
  /** The gateway, or whatever stands in front of it (CloudFront, the ALB, an Ingress). */
  baseUrl: text('BASE_URL', localGatewayUrl).replace(/\/+$/, ''),
  /** LOAD_PROFILE: smoke (the default: 1 VU per journey, ITERATIONS each), load, stress, spike, soak or autoscale. */
  profile: profileFrom('LOAD_PROFILE'),
  /** Journey iterations per second, all journeys together, at the expected peak (load, soak; the base of stress and spike). */
  rate: positiveNumber('RATE', 2),
  /** Iterations of each journey in the smoke profile. */
  iterations: wholeNumber('ITERATIONS', 3),
  /** How long the load profile holds its rate. */
  duration: duration('DURATION', '10m'),
  /** How long the soak profile holds its rate. */
  soakDuration: duration('SOAK_DURATION', '2h'),
  /** How long each step of stress and each autoscale stage lasts. */
  stageDuration: duration('STAGE_DURATION', '5m'),
  /** The stress profile climbs in steps of RATE up to this many times RATE. */
  stressFactor: wholeNumber('STRESS_FACTOR', 4),
  /** The spike profile jumps to this many times RATE. */
  spikeFactor: wholeNumber('SPIKE_FACTOR', 10),
  /** Scales every think time: 0 removes them (the CI smoke), 1 is a person's pace. */
  thinkTimeScale: positiveNumber('THINK_TIME_SCALE', 1),
  /** Signed-in writers' accounts made in setup(); by default one per writer VU the profile may start. */
  accounts: __ENV['ACCOUNTS'] ? wholeNumber('ACCOUNTS', 1) : undefined,
  /** Where handleSummary writes summary-<profile>.json and .md. */
  summaryDirectory: text('SUMMARY_DIR', 'loadtest/results').replace(/\/+$/, ''),
};
