import { scalingLoad, service } from '@what-if/catalog';
import { loadTrafficModel } from '../src/capacity/model';
import { perReplicaAtTarget, perVcpu, renderMeasured, renderTable } from '../src/capacity/table';

const settings = { seconds: 10, connections: 8, machine: '2026-01-01, 2 × test CPU' };
const costs = [
  {
    route: 'history-list',
    requests: 1000,
    requestsPerSecond: 100,
    non2xx: 0,
    cpuMsPerRequest: { gateway: 2, history: 5 },
  },
  {
    route: 'sign-in',
    requests: 50,
    requestsPerSecond: 5,
    non2xx: 3,
    cpuMsPerRequest: { gateway: 3, user: 40 },
  },
];
const idle = { gateway: 0.001, user: 0, generation: 0, history: 0, sharing: 0, video: 0, social: 0 };
const model = { stageTable: '| stage | iterations/s |', basis: 'measured costs' };

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
