import type { Profile } from '../src/profile';
import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { essentials } from '../../test/support/kubernetes/essentials';
import { renderChart } from '../../test/support/kubernetes/helm';
import { type KubernetesObject, byId, isHook, objectId } from '../../test/support/kubernetes/manifests';

/**
 * The chart's values files and cdk8s's profiles describe the same environments; for each pair,
 * with Deployments, with Argo Rollouts and with KEDA scaling the workers, the two paths must
 * produce the same objects in every field that decides what runs.
 */
const pairs = (['eks', 'dev'] as const).flatMap((profileName) =>
  [
    [false, false],
    [true, false],
    [false, true],
  ].map(([rollouts, keda]) => [profileName, rollouts!, keda!] as const),
);

const valuesFiles = { eks: 'values-eks-prod.yaml', dev: 'values-dev.yaml' } as const;

function withModes(profile: Profile, rollouts: boolean, keda: boolean): Profile {
  return {
    ...profile,
    rollouts: { ...profile.rollouts, enabled: rollouts },
    keda: { ...profile.keda, enabled: keda },
  };
}

describe.each(pairs)(
  'the %s profile and the chart with its values file, Rollouts %s, KEDA %s',
  (profileName, rollouts, keda) => {
    const valuesFile = valuesFiles[profileName];
    const cdk8s = byId(
      synthesizeObjects(withModes(profileNamed(profileName, {}), rollouts, keda)) as KubernetesObject[],
    );
    const rendered = renderChart(valuesFile, [
      '--set',
      `rollouts.enabled=${rollouts}`,
      '--set',
      `keda.enabled=${keda}`,
    ]);
    const chart = byId(rendered.filter((object) => !isHook(object)));
    // cdk8s always makes the namespace (kubectl apply needs it first); the chart when namespace.create asks.
    const onlyInCdk8s = profileName === 'dev' ? ['Namespace/what-if'] : [];

    it(`make the same objects${profileName === 'dev' ? ', apart from the namespace the dev values leave to helm' : ''}`, () => {
      expect([...chart.keys()].sort()).toEqual(
        [...cdk8s.keys()].filter((id) => !onlyInCdk8s.includes(id)).sort(),
      );
    });

    it('leave the helm test hooks to the chart', () => {
      expect(rendered.filter(isHook).map(objectId).sort()).toEqual([
        'NetworkPolicy/what-if-gateway-from-health-test',
        'NetworkPolicy/what-if-health-test',
        'Pod/what-if-health-test',
      ]);
    });

    it.each([...chart.keys()].sort())('agree on %s', (id) => {
      expect(essentials(chart.get(id)!)).toEqual(essentials(cdk8s.get(id)!));
    });
  },
);
