import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { profileNamed } from '../src/profiles';
import { type ReleaseValues, withReleaseValues } from '../src/release-values';
import { synthesizeObjects } from '../src/synth';
import { essentials } from '../../test/support/kubernetes/essentials';
import { renderChart } from '../../test/support/kubernetes/helm';
import { type KubernetesObject, byId, find, isHook } from '../../test/support/kubernetes/manifests';

const account = '210987654321';
const vpc = [{ ipBlock: { cidr: '10.31.0.0/16' } }];

/** Values of the shape make deploy-eks renders for an account (cdk/src/eks/eks-values.ts). */
const releaseValues: ReleaseValues = {
  global: { image: { registry: `${account}.dkr.ecr.eu-west-1.amazonaws.com`, tag: 'abc1234' } },
  rollouts: { enabled: true },
  keda: { enabled: true },
  networkPolicy: { ingressControllerPeers: vpc },
  stores: { postgres: { peers: vpc }, redis: { peers: vpc } },
  externalSecrets: {
    keyPrefix: 'whatif/staging/',
    clusterSecretStore: { create: true, region: 'eu-west-1' },
  },
  ingress: {
    host: 'eks-api.staging.example.org',
    alb: {
      certificateArn: `arn:aws:acm:eu-west-1:${account}:certificate/1`,
      wafv2AclArn: `arn:aws:wafv2:eu-west-1:${account}:regional/webacl/whatif-staging-eks-api/2`,
      accessLogs: { bucket: 'whatif-staging-eks-logs', prefix: 'eks-alb' },
    },
  },
  services: Object.fromEntries(
    services.map((entry) => [
      entry.name,
      {
        image: { repository: `whatif-staging/${entry.name}`, digest: `sha256:${'b'.repeat(64)}` },
        ...(entry.name === 'history'
          ? { env: { AWS_REGION: 'eu-west-1', DYNAMODB_TABLE_PREFIX: 'whatif-staging-' } }
          : {}),
        ...(entry.name === 'sharing'
          ? { awsRoleArn: `arn:aws:iam::${account}:role/whatif-staging-eks-sharing` }
          : {}),
        ...(entry.name === 'video'
          ? {
              env: { VIDEO_STORAGE: 's3', VIDEO_BUCKET: `whatif-staging-videos-${account}-eu-west-1` },
              workers: {
                'video-worker': {
                  awsRoleArn: `arn:aws:iam::${account}:role/whatif-staging-eks-video-worker`,
                },
              },
            }
          : {}),
      },
    ]),
  ),
};

describe("the eks profile and the chart with an environment's release values", () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'what-if-release-values-'));
  const file = path.join(scratch, 'eks-values.yaml');
  writeFileSync(file, JSON.stringify(releaseValues));
  const chart = byId(renderChart('values-eks-prod.yaml', ['-f', file]).filter((object) => !isHook(object)));
  rmSync(scratch, { recursive: true });
  const objects = synthesizeObjects(
    withReleaseValues(profileNamed('eks', {}), releaseValues),
  ) as KubernetesObject[];
  const cdk8s = byId(objects);

  it('make the same objects', () => {
    expect([...chart.keys()].sort()).toEqual([...cdk8s.keys()].sort());
  });

  it.each([...chart.keys()].sort())('agree on %s', (id) => {
    expect(essentials(chart.get(id)!)).toEqual(essentials(cdk8s.get(id)!));
  });

  it("run the account's images by digest and keep nothing of the placeholders", () => {
    expect(find(objects, 'Rollout', 'what-if-history').spec.template.spec.containers[0].image).toBe(
      `${account}.dkr.ecr.eu-west-1.amazonaws.com/whatif-staging/history@sha256:${'b'.repeat(64)}`,
    );
    const text = JSON.stringify(objects);
    expect(text).not.toContain('123456789012');
    expect(text).not.toContain('whatif/prod/');
  });
});

it('refuses a value cdk8s would not apply, rather than drift from the chart quietly', () => {
  expect(() =>
    withReleaseValues(profileNamed('eks', {}), {
      ingress: { className: 'nginx' },
    } as unknown as ReleaseValues),
  ).toThrow('Release values: cdk8s does not apply ingress.className (it applies host, alb there)');
  expect(() =>
    withReleaseValues(profileNamed('eks', {}), {
      services: { video: { workers: { 'video-worker': { replicas: 3 } } } },
    } as unknown as ReleaseValues),
  ).toThrow(
    'Release values: cdk8s does not apply services.video.workers.video-worker.replicas (it applies awsRoleArn there)',
  );
});
