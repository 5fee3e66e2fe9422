import type { Profile } from '../src/profile';
import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { essentials } from '../../test/support/kubernetes/essentials';
import { renderChart } from '../../test/support/kubernetes/helm';
import { type KubernetesObject, byId, isHook, objectId } from '../../test/support/kubernetes/manifests';

/**
 * The chart's values files and cdk8s's profiles describe the same environments; for each pair,
 * with Deployments and with Argo Rollouts, the two paths must produce the same objects in every
 * field that decides what runs.
 */
const pairs = (['eks', 'dev'] as const).flatMap((profileName) =>
  [false, true].map((rollouts) => [profileName, rollouts] as const),
);

const valuesFiles = { eks: 'values-eks-prod.yaml', dev: 'values-dev.yaml' } as const;

function withRollouts(profile: Profile, enabled: boolean): Profile {
  return { ...profile, rollouts: { ...profile.rollouts, enabled } };
}

describe.each(pairs)(
  'the %s profile and the chart with its values file, Rollouts %s',
  (profileName, rollouts) => {
    const valuesFile = valuesFiles[profileName];
    const cdk8s = byId(
      synthesizeObjects(withRollouts(profileNamed(profileName, {}), rollouts)) as KubernetesObject[],
    );
    const rendered = renderChart(valuesFile, ['--set', `rollouts.enabled=${rollouts}`]);
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
