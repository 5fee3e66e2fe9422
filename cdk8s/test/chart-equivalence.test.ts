import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { essentials } from '../../test/support/kubernetes/essentials';
import { renderChart } from '../../test/support/kubernetes/helm';
import { type KubernetesObject, byId, isHook, objectId } from '../../test/support/kubernetes/manifests';

/**
 * The chart's values files and cdk8s's profiles describe the same environments; for each pair
 * the two paths must produce the same objects in every field that decides what runs.
 */
const pairs = [
  ['eks', 'values-eks-prod.yaml'],
  ['dev', 'values-dev.yaml'],
] as const;

/** Objects only one path makes, on purpose (see cdk8s/README.md). */
const onlyInCdk8s = ['Namespace/what-if'];

describe.each(pairs)('the %s profile and the chart with %s', (profileName, valuesFile) => {
  const cdk8s = byId(synthesizeObjects(profileNamed(profileName, {})) as KubernetesObject[]);
  const rendered = renderChart(valuesFile);
  const chart = byId(rendered.filter((object) => !isHook(object)));

  it('make the same objects, apart from the namespace cdk8s creates and the chart leaves to helm', () => {
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
});
