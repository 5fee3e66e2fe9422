import { service, services, storePorts } from '@what-if/catalog';
import type { Profile } from '../src/profile';
import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { type KubernetesObject, find } from '../../test/support/kubernetes/manifests';
import { canConnect, workloadsByComponent } from '../../test/support/kubernetes/network-reachability';

/** Every (caller, callee) pair of catalog services, and whether the catalog says the call happens. */
const pairs = services.flatMap((from) =>
  services
    .filter((to) => to.name !== from.name)
    .map((to) => [from.name, to.name, from.calls.includes(to.name)] as const),
);

/** Every catalog worker, with its health and metrics port. */
const workers = services.flatMap((entry) =>
  (entry.workers ?? []).map((worker) => [worker.name, worker.port] as const),
);

/** Each profile, with Deployments and with Argo Rollouts. */
const modes = ['eks', 'dev'].flatMap((name) => [
  [name, 'Deployments', profileNamed(name, {})] as const,
  [name, 'Rollouts', withRollouts(profileNamed(name, {}))] as const,
]);

describe.each(modes)('NetworkPolicies of the %s profile with %s', (_name, mode, profile) => {
  const objects = synthesizeObjects(profile) as KubernetesObject[];
  const workloads = workloadsByComponent(objects);
  const workload = (component: string) => {
    const found = workloads.get(component);
    if (!found) throw new Error(`no pods for ${component}`);
    return found;
  };

  it.each(pairs)('%s -> %s is allowed exactly when the catalog says it calls it (%s)', (from, to, calls) => {
    expect(canConnect(objects, workload(from), workload(to), service(to).port)).toBe(calls);
  });

  it.each(workers)(
    '%s reaches no service, and no service reaches it: it only takes jobs from the queue',
    (worker, port) => {
      for (const entry of services) {
        expect([entry.name, canConnect(objects, workload(worker), workload(entry.name), entry.port)]).toEqual(
          [entry.name, false],
        );
        expect([entry.name, canConnect(objects, workload(entry.name), workload(worker), port)]).toEqual([
          entry.name,
          false,
        ]);
      }
    },
  );

  it('lets no service reach another on a port other than its catalog port', () => {
    expect(canConnect(objects, workload('gateway'), workload('user'), 9229)).toBe(false);
  });

  it('lets every service resolve names through cluster DNS', () => {
    for (const entry of services) {
      const egress = find(objects, 'NetworkPolicy', `what-if-${entry.name}`).spec.egress;
      expect(egress[0]).toEqual({
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { port: 53, protocol: 'UDP' },
          { port: 53, protocol: 'TCP' },
        ],
      });
    }
  });

  it('admits outside traffic only to the public service (and, with Rollouts, its controller measuring analyses, and the metrics scrapers)', () => {
    for (const entry of services) {
      const ingress = find(objects, 'NetworkPolicy', `what-if-${entry.name}`).spec.ingress;
      const fromOutside = ingress.filter((rule: KubernetesObject) =>
        rule.from.some((peer: KubernetesObject) => peer.ipBlock || peer.namespaceSelector),
      );
      expect(fromOutside.map((rule: KubernetesObject) => rule.from)).toEqual([
        ...(entry.public ? [profile.ingressControllerPeers] : []),
        ...(mode === 'Rollouts' ? [profile.rollouts.controllerPeers] : []),
        ...(profile.metricsScrapers.length > 0 ? [profile.metricsScrapers] : []),
      ]);
    }
  });
});

describe('store egress', () => {
  it('on eks, reaches RDS and ElastiCache inside the VPC and DynamoDB over HTTPS', () => {
    const objects = synthesizeObjects(profileNamed('eks', {})) as KubernetesObject[];
    const user = find(objects, 'NetworkPolicy', 'what-if-user').spec.egress;
    expect(user).toContainEqual({
      to: [{ ipBlock: { cidr: '10.30.0.0/16' } }],
      ports: [{ port: storePorts.postgres, protocol: 'TCP' }],
    });
    const history = find(objects, 'NetworkPolicy', 'what-if-history').spec.egress;
    expect(history).toContainEqual({
      to: [{ ipBlock: { cidr: '0.0.0.0/0' } }],
      ports: [{ port: 443, protocol: 'TCP' }],
    });
  });

  it('on dev, reaches only the in-cluster stores it uses, and a store admits only its users', () => {
    const objects = synthesizeObjects(profileNamed('dev', {})) as KubernetesObject[];
    const workloads = workloadsByComponent(objects);
    for (const entry of services) {
      for (const store of ['postgres', 'redis', 'dynamodb'] as const) {
        const allowed = canConnect(
          objects,
          workloads.get(entry.name)!,
          workloads.get(store)!,
          storePorts[store],
        );
        expect([entry.name, store, allowed]).toEqual([entry.name, store, entry.stores.includes(store)]);
        for (const worker of entry.workers ?? []) {
          const workerAllowed = canConnect(
            objects,
            workloads.get(worker.name)!,
            workloads.get(store)!,
            storePorts[store],
          );
          expect([worker.name, store, workerAllowed]).toEqual([
            worker.name,
            store,
            entry.stores.includes(store),
          ]);
        }
      }
    }
  });

  it("on dev with KEDA, admits KEDA's operator to the in-cluster Redis it reads the queue from, and only then", () => {
    const profile = profileNamed('dev', {});
    const ingressOf = (keda: boolean) =>
      find(
        synthesizeObjects({ ...profile, keda: { ...profile.keda, enabled: keda } }) as KubernetesObject[],
        'NetworkPolicy',
        'what-if-redis',
      ).spec.ingress;
    const operator = {
      from: profile.keda.operatorPeers,
      ports: [{ port: storePorts.redis, protocol: 'TCP' }],
    };
    expect(ingressOf(true)).toContainEqual(operator);
    expect(ingressOf(false)).not.toContainEqual(operator);
  });

  it('with EKS Pod Identity, lets the services with a role reach the node agent and annotates nothing', () => {
    const profile = profileNamed('eks', {});
    const objects = synthesizeObjects({
      ...profile,
      aws: { ...profile.aws, identity: 'pod-identity' },
    }) as KubernetesObject[];
    const agent = {
      to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
      ports: [{ port: 80, protocol: 'TCP' }],
    };
    expect(find(objects, 'NetworkPolicy', 'what-if-history').spec.egress).toContainEqual(agent);
    expect(find(objects, 'NetworkPolicy', 'what-if-video-worker').spec.egress).toContainEqual(agent);
    expect(find(objects, 'NetworkPolicy', 'what-if-gateway').spec.egress).not.toContainEqual(agent);
    expect(find(objects, 'ServiceAccount', 'what-if-history').metadata.annotations).toBeUndefined();
  });
});

function withRollouts(profile: Profile): Profile {
  return { ...profile, rollouts: { ...profile.rollouts, enabled: true } };
}

const httpsOut = { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443, protocol: 'TCP' }] };

describe('HTTPS to a remote provider', () => {
  const egressOf = (profile: Profile, name: string) =>
    find(synthesizeObjects(profile) as KubernetesObject[], 'NetworkPolicy', `what-if-${name}`).spec.egress;
  const withEnv = (profile: Profile, name: 'generation' | 'user', env: Record<string, string>): Profile => ({
    ...profile,
    env: { ...profile.env, [name]: { ...profile.env[name], ...env } },
  });

  it('is open to generation only when its configuration names a remote provider', () => {
    const eks = profileNamed('eks', {});
    expect(egressOf(eks, 'generation')).toContainEqual(httpsOut);
    expect(
      egressOf(withEnv(eks, 'generation', { GENERATION_PROVIDERS: 'local' }), 'generation'),
    ).not.toContainEqual(httpsOut);
    const dev = profileNamed('dev', {});
    expect(egressOf(dev, 'generation')).not.toContainEqual(httpsOut);
    expect(
      egressOf(withEnv(dev, 'generation', { GENERATION_PROVIDERS: 'anthropic,local' }), 'generation'),
    ).toContainEqual(httpsOut);
  });

  it('is open to user only when it sends mail through SES, and never to a service without such calls', () => {
    const eks = profileNamed('eks', {});
    expect(egressOf(eks, 'user')).toContainEqual(httpsOut);
    expect(egressOf(withEnv(eks, 'user', { MAILER: 'log' }), 'user')).not.toContainEqual(httpsOut);
    // (Video reaches DynamoDB and S3 over 443, like every service with a DynamoDB table.)
    expect(egressOf(eks, 'gateway')).not.toContainEqual(httpsOut);
  });

  it('leaves the calls between services exactly the catalog ones', () => {
    const profile = withEnv(profileNamed('dev', {}), 'generation', { GENERATION_PROVIDERS: 'openai,local' });
    const objects = synthesizeObjects(profile) as KubernetesObject[];
    const workloads = workloadsByComponent(objects);
    for (const [from, to, calls] of pairs) {
      expect([
        from,
        to,
        canConnect(objects, workloads.get(from)!, workloads.get(to)!, service(to).port),
      ]).toEqual([from, to, calls]);
    }
  });
});
