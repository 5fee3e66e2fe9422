import { type AddressInfo, createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { scalingLoad, service, serviceNames, type ServiceName } from '@what-if/catalog';
import { constantArrivals } from '../src/capacity/arrivals';
import { overTarget, renderReport, type StageObservation } from '../src/capacity/autoscale-local';

function millicores(values: Partial<Record<ServiceName, number>>): Record<ServiceName, number> {
  return Object.fromEntries(serviceNames.map((name) => [name, values[name] ?? 10])) as Record<
    ServiceName,
    number
  >;
}

describe('the local autoscale report', () => {
  const gatewayTarget = scalingLoad(service('gateway')).cpuMillicores;
  const generationTarget = scalingLoad(service('generation')).cpuMillicores;
  const stages: StageObservation[] = [
    {
      name: 'below every target',
      rate: 5,
      sentPerSecond: 9.5,
      predicted: millicores({ gateway: 40, generation: 70 }),
      observed: millicores({ gateway: 55, generation: 60 }),
      answers: { suggestions: { '200': 300 } },
      dropped: 0,
    },
    {
      name: 'past the first target',
      rate: 15,
      sentPerSecond: 28,
      predicted: millicores({ gateway: 120, generation: generationTarget + 60 }),
      observed: millicores({ gateway: gatewayTarget + 30, generation: generationTarget + 10 }),
      answers: { suggestions: { '200': 880, '429': 20 } },
      dropped: 3,
    },
  ];
  // Idle use in CPU seconds per second: 10 millicores each.
  const idle = Object.fromEntries(serviceNames.map((name) => [name, 0.01])) as Record<ServiceName, number>;
  const report = renderReport(stages, idle, '2026-01-01, 2 × test CPU, load average 1.0');

  it('calls a service over target when it used more than its CPU target of one replica', () => {
    expect(overTarget(stages[1]!.observed)).toEqual(['gateway', 'generation']);
    expect(overTarget(stages[0]!.observed)).toEqual([]);
  });

  it('puts predicted and observed side by side per stage and per service', () => {
    expect(report).toContain('| below every target | 5.00 | 9.5 | 0 | none | none |');
    expect(report).toContain(
      '| past the first target | 15.00 | 28.0 | 3 | generation | gateway, generation |',
    );
    expect(report).toContain(`| gateway | ${gatewayTarget} | 10 | 40 / 55 | 120 / ${gatewayTarget + 30} |`);
  });

  it('says where the model and the measurement disagree, and which answers were refused', () => {
    expect(report).toContain('past the first target: **gateway** ran over its target');
    expect(report).not.toContain('below every target: **');
    expect(report).toContain('- past the first target, suggestions: 20 × 429');
  });
});

describe('the open arrival schedule', () => {
  it('keeps sending on schedule while earlier requests are still unanswered', async () => {
    let waiting = 0;
    let mostWaiting = 0;
    const server = createHttpServer((_request, response) => {
      waiting += 1;
      mostWaiting = Math.max(mostWaiting, waiting);
      // Slower than the gap between requests: a closed loop would send one at a time.
      setTimeout(() => {
        waiting -= 1;
        response.end('ok');
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const outcome = await constantArrivals({
        rate: 20,
        seconds: 1,
        send: async () => (await fetch(`http://127.0.0.1:${port}/`)).status,
      });
      expect(outcome.sent).toBe(20);
      expect(outcome.dropped).toBe(0);
      expect(outcome.statuses).toEqual({ '200': 20 });
      expect(mostWaiting).toBeGreaterThan(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts a request nobody answered as an error, not as a status', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await constantArrivals({
      rate: 4,
      seconds: 0.5,
      send: async () => (await fetch(`http://127.0.0.1:${port}/`)).status,
    });
    expect(outcome).toEqual({ sent: 2, dropped: 0, statuses: { error: 2 } });
  });

  it('drops what is due while too many are unanswered, as k6 drops iterations with every VU busy', async () => {
    // The first two answers come only after the whole schedule has passed.
    const late = new Promise<number>((resolve) => setTimeout(() => resolve(200), 800));
    let calls = 0;
    const outcome = await constantArrivals({
      rate: 10,
      seconds: 0.5,
      maxInFlight: 2,
      send: () => (calls++ < 2 ? late : Promise.resolve(200)),
    });
    expect(outcome).toEqual({ sent: 2, dropped: 3, statuses: { '200': 2 } });
  });
});
