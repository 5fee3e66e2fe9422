import { scalingLoad, service } from '@what-if/catalog';
import { loadTrafficModel } from '../src/capacity/model';
import { mixCapacity, perReplicaAtTarget, perVcpu, renderMeasured, renderTable } from '../src/capacity/table';

const settings = { seconds: 10, connections: 8, machine: '2026-01-01, 2 × test CPU' };
const costs = [
  {
    route: 'history-list',
    requests: 1000,
    requestsPerSecond: 100,
    non2xx: 0,
    cpuMsPerRequest: { gateway: 2, history: 5 },
    // history also gets one internal call per list, from another service.
    answeredPerRequest: { gateway: 1, history: 2 },
  },
  {
    route: 'sign-in',
    requests: 50,
    requestsPerSecond: 5,
    non2xx: 3,
    cpuMsPerRequest: { gateway: 3, user: 40 },
    answeredPerRequest: { gateway: 1, user: 1 },
  },
];
const idle = { gateway: 0.001, user: 0, generation: 0, history: 0, sharing: 0, video: 0, social: 0 };
const model = {
  stageTable: '| stage | iterations/s |',
  basis: 'measured costs',
  // Per journey iteration: three history lists, one sign-in.
  requestsPerIteration: { 'history-list': 3, 'sign-in': 1 },
};

describe('the capacity table', () => {
  it("turns CPU per request into what a vCPU carries and what one replica carries at the catalog's CPU target", () => {
    // The gateway's target is 60 % of 250 millicores: 150 CPU ms per second, so 75 requests of 2 ms.
    expect(scalingLoad(service('gateway')).cpuMillicores).toBe(150);
    expect(perReplicaAtTarget('gateway', 2)).toBe(75);
    expect(perVcpu(2)).toBe(500);
  });

  it('writes the costs as the module the k6 capacity model imports', () => {
    const module = renderMeasured(costs, settings);
    expect(module).toContain('export const cpuMsPerRequest');
    expect(module).toContain('"history-list": {\n    "gateway": 2,\n    "history": 5\n  }');
    expect(module).toContain(`export const measuredOn = "${settings.machine}";`);
  });

  it('writes a row per service and route it works for, names routes that failed, and shows the stages', () => {
    const table = renderTable(costs, idle, settings, model);
    expect(table).toContain('| gateway | history-list | 2.00 | 500 | 75.0 |');
    expect(table).toContain('| gateway | sign-in | 3.00 | 333 | 50.0 |');
    // history: 65 % of 250 millicores is 162.5 CPU ms per second: 32.5 requests of 5 ms.
    expect(table).toContain('| history | history-list | 5.00 | 200 | 32.5 |');
    expect(table).toContain('| user | sign-in | 40.0 | 25.0 | 4.06 |');
    expect(table).toContain('- sign-in: 3');
    expect(table).toContain(settings.machine);
    expect(table).toContain(model.stageTable);
  });

  it("gives each service's requests per second per replica at its CPU target in the journeys' mix, internal calls counted, beside the catalog's figure", () => {
    const mix = mixCapacity(costs, model.requestsPerIteration);
    // The gateway: 4 requests and 3 × 2 + 3 = 9 CPU ms per iteration; 150 millicores carry 150 / 9 × 4.
    expect(mix.find((entry) => entry.service === 'gateway')).toEqual({
      service: 'gateway',
      requestsPerIteration: 4,
      cpuMsPerIteration: 9,
      perReplicaAtTarget: (150 * 4) / 9,
    });
    // history answers 6 requests (3 lists, 3 internal calls) for 15 CPU ms: 162.5 / 15 × 6 = 65 a second.
    expect(mix.find((entry) => entry.service === 'history')?.perReplicaAtTarget).toBeCloseTo(65);
    expect(mix.map((entry) => entry.service)).toEqual(['gateway', 'user', 'history']);
    const table = renderTable(costs, idle, settings, model);
    expect(table).toContain(
      `| history | 6.00 | 15.0 | 65.0 | ${service('history').scaling.targetRequestsPerSecond} |`,
    );
  });
});

describe("the k6 scripts' model, as make capacity reads it", () => {
  it('gives three stages of rising rate, the first with no service over its target and the last with some at their maximum', () => {
    const { stages, replicasPerIteration } = loadTrafficModel();
    expect(stages.map((stage) => stage.name)).toEqual([
      'below every target',
      'past the first target',
      'past the first maximum',
    ]);
    expect(stages[0]!.rate).toBeLessThan(stages[1]!.rate);
    expect(stages[1]!.rate).toBeLessThan(stages[2]!.rate);
    expect(stages[0]!.overTarget).toEqual([]);
    expect(stages[1]!.overTarget.length).toBeGreaterThan(0);
    // Every journey passes the gateway: it carries load at every stage.
    expect(replicasPerIteration.gateway).toBeGreaterThan(0);
    const atMaximum = Object.entries(stages[2]!.expectedReplicas).filter(
      ([name, replicas]) => replicas === service(name as Parameters<typeof service>[0]).scaling.maxReplicas,
    );
    expect(atMaximum.length).toBeGreaterThan(0);
  });
});
