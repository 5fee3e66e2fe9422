/**
 * The run's k6 options from the profile: one k6 scenario per journey, each with its share of
 * the arrival rate, and thresholds per route from the catalog's latency objectives.
 */
import type { Options, Scenario } from 'k6/options';
import { autoscaleStages } from './capacity.ts';
import { type Profile, config } from './config.ts';
import type { Journey } from './journey.ts';
import { type Route, latencyObjectiveMs } from './routes.ts';

type Stage = { target: number; duration: string };

/** Iterations per minute: arrival rates are whole numbers per time unit, and a journey's share may be below 1/s. */
function perMinute(iterationsPerSecond: number): number {
  return iterationsPerSecond === 0 ? 0 : Math.max(1, Math.round(iterationsPerSecond * 60));
}

/** VUs enough for `rate` iterations per second of a journey, with room for slow answers. */
function vusFor(journey: Journey, rate: number): number {
  return Math.max(1, Math.ceil(rate * journey.typicalSeconds * Math.max(config.thinkTimeScale, 0.1) * 2));
}

function arrival(journey: Journey, rate: number, duration: string): Scenario {
  const share = rate * journey.weight;
  return {
    executor: 'constant-arrival-rate',
    exec: journey.exec,
    rate: perMinute(share),
    timeUnit: '1m',
    duration,
    preAllocatedVUs: vusFor(journey, share),
    maxVUs: vusFor(journey, share) * 2,
  };
}

function ramping(journey: Journey, stages: readonly Stage[]): Scenario {
  const peak = Math.max(...stages.map((stage) => stage.target)) * journey.weight;
  return {
    executor: 'ramping-arrival-rate',
    exec: journey.exec,
    startRate: 0,
    timeUnit: '1m',
    stages: stages.map((stage) => ({
      target: perMinute(stage.target * journey.weight),
      duration: stage.duration,
    })),
    preAllocatedVUs: vusFor(journey, peak),
    maxVUs: vusFor(journey, peak) * 2,
  };
}

/** Stages in journey iterations per second, all journeys together. */
function stagesFor(profile: Profile, journeys: readonly Journey[]): Stage[] {
  const rate = config.rate;
  const hold = config.stageDuration;
  switch (profile) {
    case 'stress': {
      const steps = Array.from({ length: config.stressFactor }, (_unused, index) => (index + 1) * rate);
      return [
        ...steps.flatMap((target) => [
          { target, duration: '1m' },
          { target, duration: hold },
        ]),
        { target: 0, duration: '1m' },
      ];
    }
    case 'spike':
      return [
        { target: rate, duration: '1m' },
        { target: rate, duration: '2m' },
        { target: rate * config.spikeFactor, duration: '10s' },
        { target: rate * config.spikeFactor, duration: '2m' },
        { target: rate, duration: '10s' },
        { target: rate, duration: '3m' },
        { target: 0, duration: '30s' },
      ];
    case 'autoscale':
      return [
        ...autoscaleStages(journeys).flatMap((stage) => [
          { target: stage.rate, duration: '2m' },
          { target: stage.rate, duration: hold },
        ]),
        { target: 0, duration: '2m' },
      ];
    default:
      return [];
  }
}

function scenarioFor(profile: Profile, journey: Journey, journeys: readonly Journey[]): Scenario {
  switch (profile) {
    case 'smoke':
      return {
        executor: 'per-vu-iterations',
        exec: journey.exec,
        vus: 1,
        iterations: config.iterations,
        maxDuration: '10m',
      };
    case 'load':
      return arrival(journey, config.rate, config.duration);
    case 'soak':
      return arrival(journey, config.rate, config.soakDuration);
    default:
      return ramping(journey, stagesFor(profile, journeys));
  }
}

/** Every route the journeys call, once each. */
export function journeyRoutes(journeys: readonly Journey[]): Route[] {
  const routes = journeys.flatMap((journey) => journey.requestsPerIteration.map((entry) => entry.route));
  return routes.filter((route, index) => routes.indexOf(route) === index);
}

/** The most VUs a journey's scenario may run: the signed-in journeys need an account each. */
export function maxVus(scenario: Scenario): number {
  if ('maxVUs' in scenario && typeof scenario.maxVUs === 'number') return scenario.maxVUs;
  if ('vus' in scenario && typeof scenario.vus === 'number') return scenario.vus;
  return 1;
}

/**
 * Per route: p99 under the objective of the service that answers it (the catalog's latency
 * objective) and under 1 % failed requests; for the routes the journeys check, over 99 % of
 * checks passed. k6 names the threshold that failed, and its name names the route.
 */
export function routeThresholds(
  checkedRoutes: readonly Route[],
  otherRoutes: readonly Route[] = [],
): Record<string, string[]> {
  const thresholds: Record<string, string[]> = {
    checks: ['rate>0.99'],
    http_req_failed: ['rate<0.01'],
  };
  for (const route of [...checkedRoutes, ...otherRoutes]) {
    thresholds[`http_req_duration{route:${route.name}}`] = [`p(99)<${latencyObjectiveMs(route)}`];
    thresholds[`http_req_failed{route:${route.name}}`] = ['rate<0.01'];
  }
  for (const route of checkedRoutes) thresholds[`checks{route:${route.name}}`] = ['rate>0.99'];
  return thresholds;
}

/** `setupRoutes`: what setup() and teardown() call besides the journeys (accounts), held to the same objectives. */
export function buildOptions(journeys: readonly Journey[], setupRoutes: readonly Route[] = []): Options {
  const scenarios: Record<string, Scenario> = {};
  for (const journey of journeys) scenarios[journey.name] = scenarioFor(config.profile, journey, journeys);
  return {
    scenarios,
    thresholds: routeThresholds(journeyRoutes(journeys), setupRoutes),
    summaryTrendStats: ['avg', 'min', 'med', 'max', 'p(95)', 'p(99)', 'count'],
    // Accounts are made and deleted one by one, waiting out the credential rate limit.
    setupTimeout: '10m',
    teardownTimeout: '10m',
  };
}
