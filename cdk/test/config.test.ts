import { App } from 'aws-cdk-lib';
import { settingsFromContext } from '../src/config/context';
import { environments } from '../src/config/environments';

function settings(context: Record<string, string>) {
  return settingsFromContext(new App({ context }).node);
}

const realDomain = {
  siteDomain: 'whatif.acme.io',
  hostedZoneId: 'Z123ABC456DEF',
  hostedZoneName: 'acme.io',
  certificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/1b2c',
  cloudFrontCertificateArn: 'arn:aws:acm:us-east-1:210987654321:certificate/3d4e',
};

test('the environment must be one of dev, staging and prod', () => {
  expect(() => settings({ imageTag: 'abc' })).toThrow(/-c env=dev\|staging\|prod/);
  expect(() => settings({ env: 'qa', imageTag: 'abc' })).toThrow(/got qa/);
});

test('the image tag is required and must be a valid tag', () => {
  expect(() => settings({ env: 'dev' })).toThrow(/-c imageTag=/);
  expect(() => settings({ env: 'dev', imageTag: 'has space' })).toThrow(/imageTag/);
  expect(settings({ env: 'dev', imageTag: '1a2b3c4' }).imageTag).toBe('1a2b3c4');
});

test('strict mode refuses placeholder domains, zones, certificates and GitHub repository, naming each', () => {
  expect(() => settings({ env: 'prod', imageTag: 'abc', strict: 'true' })).toThrow(
    /siteDomain, apiDomain, hostedZoneId, hostedZoneName, certificateArn, cloudFrontCertificateArn, githubRepository/,
  );
  const config = settings({
    env: 'prod',
    imageTag: 'abc',
    strict: 'true',
    ...realDomain,
    githubRepository: 'acme/what-if',
  }).config;
  expect(config.domain).toEqual({ ...realDomain, apiDomain: 'api.whatif.acme.io' });
  expect(config.delivery.githubRepository).toBe('acme/what-if');
  expect(() => settings({ env: 'prod', imageTag: 'abc', githubRepository: 'what-if' })).toThrow(
    /owner\/name/,
  );
});

test('without strict mode placeholders synthesize, so CI needs no account', () => {
  expect(settings({ env: 'prod', imageTag: 'abc' }).config.domain).toEqual(environments.prod.domain);
});

test('another region renames the availability zones unless they are given', () => {
  const moved = settings({ env: 'prod', imageTag: 'abc', region: 'eu-west-1' }).config;
  expect(moved.region).toBe('eu-west-1');
  expect(moved.network.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
  const tokyo = settings({
    env: 'dev',
    imageTag: 'abc',
    region: 'ap-northeast-1',
    availabilityZones: 'ap-northeast-1a, ap-northeast-1c',
  }).config;
  expect(tokyo.network.availabilityZones).toEqual(['ap-northeast-1a', 'ap-northeast-1c']);
});

test('Bedrock writes the scenarios in every AWS environment, through the inference profile of the region’s geography', () => {
  for (const name of ['dev', 'staging', 'prod'] as const) {
    expect(settings({ env: name, imageTag: 'abc' }).config.scenarios).toEqual({
      providers: 'bedrock,local',
      bedrockModelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
    });
  }
  expect(
    settings({ env: 'prod', imageTag: 'abc', region: 'eu-west-1' }).config.scenarios.bedrockModelId,
  ).toBe('eu.anthropic.claude-haiku-4-5-20251001-v1:0');
});

test('the Bedrock model can be changed, or Bedrock turned off, from the command line', () => {
  const nova = settings({
    env: 'prod',
    imageTag: 'abc',
    bedrockModelId: 'us.amazon.nova-2-lite-v1:0',
  }).config;
  expect(nova.scenarios.bedrockModelId).toBe('us.amazon.nova-2-lite-v1:0');
  const single = settings({ env: 'prod', imageTag: 'abc', bedrockModelId: 'amazon.nova-lite-v1:0' }).config;
  expect(single.scenarios.bedrockModelId).toBe('amazon.nova-lite-v1:0');
  expect(
    settings({ env: 'dev', imageTag: 'abc', scenarioProviders: 'local' }).config.scenarios.providers,
  ).toBe('local');
  expect(() => settings({ env: 'dev', imageTag: 'abc', scenarioProviders: 'openai' })).toThrow(
    /bedrock,local or local/,
  );
  // A US profile is not offered in Frankfurt: say which one to pass instead of failing at the first request.
  expect(() =>
    settings({
      env: 'prod',
      imageTag: 'abc',
      region: 'eu-central-1',
      bedrockModelId: 'us.amazon.nova-2-lite-v1:0',
    }),
  ).toThrow(/eu\. \(or global\.\) profile/);
});

test('tracing and the alert address can be switched on from the command line', () => {
  const config = settings({
    env: 'dev',
    imageTag: 'abc',
    tracing: 'true',
    alertEmail: 'oncall@acme.io',
  }).config;
  expect(config.compute.tracing).toBe(true);
  expect(config.observability.alertEmail).toBe('oncall@acme.io');
  expect(() => settings({ env: 'dev', imageTag: 'abc', tracing: 'yes' })).toThrow(/true or false/);
});

test('prod is the environment that keeps data, spans three zones and is protected', () => {
  const { prod, dev } = environments;
  expect(prod.network.availabilityZones).toHaveLength(3);
  expect(prod.database.multiAz && prod.database.deletionProtection && prod.retainData).toBe(true);
  expect(prod.redis.multiAz && prod.redis.replicas >= 1).toBe(true);
  expect(dev.network.availabilityZones.length).toBeGreaterThanOrEqual(2);
  expect(new Set(Object.values(environments).map((environment) => environment.network.cidr)).size).toBe(3);
});
