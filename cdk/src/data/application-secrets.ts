import {
  applicationSecretKey,
  applicationSecretProperty,
  envFor,
  services,
  type ServiceName,
} from '@what-if/catalog';
import { SecretValue, Validations } from 'aws-cdk-lib';
import { Secret as ContainerSecret } from 'aws-cdk-lib/aws-ecs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { secretProvisioning, type SecretProvisioning } from '../catalog/application-secrets';
import type { EnvironmentConfig } from '../config/environment-config';
import { secretName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';

export interface ApplicationSecretsProps {
  readonly config: EnvironmentConfig;
  /** The variables each service's stores already provide (DATABASE_URL, REDIS_URL, ...). */
  readonly providedByStores: (service: ServiceName) => ReadonlySet<string>;
}

/** One provisioned secret, as make deploy-ecs needs to know it. */
export interface ApplicationSecretRecord {
  readonly service: ServiceName;
  readonly variable: string;
  readonly secretName: string;
  readonly provisioning: SecretProvisioning;
}

/**
 * A secret per catalog `secret: true` variable that no store provides, named
 * whatif/<env>/<service>/<VARIABLE>, value under the JSON key "value". Created here, before
 * the services, so make deploy-ecs can generate keys before the first task starts. The
 * template's value is only the first one: CloudFormation never reads back what an operator wrote.
 */
export class ApplicationSecrets extends Construct {
  readonly records: readonly ApplicationSecretRecord[];
  private readonly byService = new Map<ServiceName, Record<string, ContainerSecret>>();

  constructor(scope: Construct, id: string, props: ApplicationSecretsProps) {
    super(scope, id);
    const records: ApplicationSecretRecord[] = [];
    for (const entry of services) {
      const provided = props.providedByStores(entry.name);
      const containerSecrets: Record<string, ContainerSecret> = {};
      for (const variable of envFor(entry.name)) {
        if (!variable.secret || provided.has(variable.name)) continue;
        const provisioning = secretProvisioning(variable, entry.name);
        const name = secretName(props.config.name, applicationSecretKey(entry.name, variable.name));
        const secret = new Secret(this, `${entry.name}${variable.name}`, {
          secretName: name,
          // Operators write signing keys and API keys here; deleting a stack must not lose them.
          removalPolicy: dataRemovalPolicy(props.config),
          description: `${variable.name} of the ${entry.name} service: ${variable.description}`.slice(
            0,
            2048,
          ),
          ...(provisioning === 'random'
            ? {
                generateSecretString: {
                  secretStringTemplate: '{}',
                  generateStringKey: applicationSecretProperty,
                  passwordLength: 64,
                  excludePunctuation: true,
                },
              }
            : {
                secretStringValue: SecretValue.unsafePlainText(
                  JSON.stringify({ [applicationSecretProperty]: variable.default ?? '' }),
                ),
              }),
        });
        Validations.of(secret).acknowledge({
          id: 'AwsSolutions-SMG4',
          reason:
            'An application credential whose format the service or a third party defines (API key, OAuth secret, signing key); rotated by writing a new version and redeploying (cdk/README.md)',
        });
        containerSecrets[variable.name] = ContainerSecret.fromSecretsManager(
          secret,
          applicationSecretProperty,
        );
        records.push({ service: entry.name, variable: variable.name, secretName: name, provisioning });
      }
      this.byService.set(entry.name, containerSecrets);
    }
    this.records = records;
  }

  containerSecretsFor(service: ServiceName): Readonly<Record<string, ContainerSecret>> {
    return this.byService.get(service) ?? {};
  }
}
