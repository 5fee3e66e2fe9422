import { envFor, secretLayout, service, services } from '@what-if/catalog';
import { Match } from 'aws-cdk-lib/assertions';
import { synthesized } from './support/synthesized';
import { crossStackTarget, resourcesOfType, type CfnResource } from './support/template-queries';

const { templates, stacks } = synthesized('prod');

interface ContainerDefinition {
  Name: string;
  Environment?: Array<{ Name: string; Value: unknown }>;
  Secrets?: Array<{ Name: string; ValueFrom: unknown }>;
}

function serviceContainer(name: string): ContainerDefinition {
  const definitions = Object.values(resourcesOfType(templates.services, 'AWS::ECS::TaskDefinition')).flatMap(
    (task) => task.Properties.ContainerDefinitions as ContainerDefinition[],
  );
  const container = definitions.find((definition) => definition.Name === name);
  if (!container) throw new Error(`No container named ${name}`);
  return container;
}

const secretTypes = ['AWS::SecretsManager::Secret', 'AWS::SecretsManager::SecretTargetAttachment'];

describe.each(services.map((entry) => entry.name))('%s', (name) => {
  const container = serviceContainer(name);
  const secretVariables = envFor(name).filter((variable) => variable.secret);
  /** PostgreSQL's credentials come as libpq variables beside DATABASE_URL (see below). */
  const postgresCredentials = service(name).stores.includes('postgres') ? ['PGPASSWORD', 'PGUSER'] : [];

  test('receives exactly the catalog secrets, each from Secrets Manager', () => {
    // None for a service the catalog gives no secret.
    expect((container.Secrets ?? []).map((secret) => secret.Name).sort()).toEqual(
      [...secretVariables.map((variable) => variable.name), ...postgresCredentials].sort(),
    );
    for (const variable of secretVariables) {
      const secret = container.Secrets?.find((candidate) => candidate.Name === variable.name);
      expect(secret).toBeDefined();
      const target = crossStackTarget(secret!.ValueFrom, templates);
      expect(target?.stackName).toMatch(/-Data$/);
      expect(secretTypes).toContain((target?.resource as CfnResource).Type);
    }
  });

  test('never carries a secret, or anything shaped like a credential, as plain environment', () => {
    const plain = container.Environment ?? [];
    const secretNames = new Set(secretVariables.map((variable) => variable.name));
    expect(plain.filter((variable) => secretNames.has(variable.Name))).toEqual([]);
    for (const variable of plain) {
      // A value CloudFormation builds (video's bucket name, from the account and region) as its JSON.
      const value = typeof variable.Value === 'string' ? variable.Value : JSON.stringify(variable.Value);
      expect(value).not.toMatch(/:\/\/[^/\s]*:[^/\s]*@/);
      expect(value).not.toMatch(/PRIVATE KEY/);
    }
  });
});

test('DATABASE_URL names no credential; the password is a field of the rotated credentials secret', () => {
  const user = services.find((entry) => entry.stores.includes('postgres'))!;
  const secrets = serviceContainer(user.name).Secrets!;
  const url = crossStackTarget(
    secrets.find((secret) => secret.Name === 'DATABASE_URL')!.ValueFrom,
    templates,
  )!;
  expect(JSON.stringify(url.resource.Properties.SecretString)).not.toMatch(/password|@/i);
  expect(JSON.stringify(url.resource.Properties.SecretString)).toContain('sslmode=');

  const password = secrets.find((secret) => secret.Name === 'PGPASSWORD')!;
  expect(JSON.stringify(password.ValueFrom)).toContain(':password::');
  const credentials = crossStackTarget(password.ValueFrom, templates)!;
  const rotation = Object.values(resourcesOfType(templates.data, 'AWS::SecretsManager::RotationSchedule'));
  expect(rotation).toEqual([
    expect.objectContaining({
      Properties: expect.objectContaining({
        SecretId: { Ref: credentials.logicalId },
        HostedRotationLambda: expect.objectContaining({ RotationType: 'PostgreSQLSingleUser' }),
        RotationRules: { ScheduleExpression: 'rate(30 days)' },
      }),
    }),
  ]);
});

test('REDIS_URL is TLS and takes the AUTH token from Secrets Manager at deploy time, never from the template', () => {
  const gateway = services.find((entry) => entry.stores.includes('redis'))!;
  const url = crossStackTarget(
    serviceContainer(gateway.name).Secrets!.find((secret) => secret.Name === 'REDIS_URL')!.ValueFrom,
    templates,
  )!;
  const value = JSON.stringify(url.resource.Properties.SecretString);
  expect(value).toContain('rediss://:{{resolve:secretsmanager:');
  templates.data.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
    TransitEncryptionEnabled: true,
    TransitEncryptionMode: 'required',
    AtRestEncryptionEnabled: true,
    AuthToken: {
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: Match.anyValue() }, ':SecretString:::}}']],
    },
  });
});

test('no template carries a literal secret value', () => {
  for (const template of Object.values(templates)) {
    const text = JSON.stringify(template.toJSON());
    expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    expect(text).not.toMatch(/"(Master)?UserPassword":\s*"/);
  }
});

describe("the catalog's secret layout, which EKS's ExternalSecrets read too", () => {
  it.each(services.map((entry) => entry.name))(
    'names the Secrets Manager secret of each ECS secret of %s',
    (name) => {
      const secrets = serviceContainer(name).Secrets ?? [];
      for (const source of secretLayout(name)) {
        const secret = secrets.find((candidate) => candidate.Name === source.variable);
        expect(secret).toBeDefined();
        const target = crossStackTarget(secret!.ValueFrom, templates)!;
        const dataResources = (templates.data.toJSON() as { Resources: Record<string, CfnResource> })
          .Resources;
        const named =
          target.resource.Type === 'AWS::SecretsManager::SecretTargetAttachment'
            ? dataResources[(target.resource.Properties.SecretId as { Ref: string }).Ref]!
            : target.resource;
        expect(named.Properties.Name).toBe(`whatif/prod/${source.key}`);
        expect(JSON.stringify(secret!.ValueFrom)).toContain(source.property ? `:${source.property}::` : '');
      }
    },
  );
});

test('every service gets a signing key and its callers’ public keys made before its first task, never the empty default', () => {
  const records = stacks.data.applicationSecrets.records;
  for (const entry of services) {
    const identity = records.filter((record) => record.service === entry.name);
    expect(identity.find((record) => record.variable === 'SERVICE_SIGNING_KEY')?.provisioning).toBe(
      'ec-p256-private-key',
    );
    expect(identity.find((record) => record.variable === 'SERVICE_PUBLIC_KEYS')?.provisioning).toBe(
      'service-public-keys',
    );
  }
});
