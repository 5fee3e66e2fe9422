import type { ServiceName } from '@what-if/catalog';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Repository, TagMutability, type IRepository } from 'aws-cdk-lib/aws-ecr';
import type { Construct } from 'constructs';
import { perService } from '../catalog/per-service';
import type { EnvironmentConfig } from '../config/environment-config';
import { repositoryName } from '../config/naming';

export interface RegistryStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Images kept, for a rollback, beyond the one running. */
const imagesKept = 30;

/**
 * One ECR repository per catalog service. A stack of its own because make deploy-ecs must
 * create it and push the images before the services that run them are deployed.
 */
export class RegistryStack extends Stack {
  readonly repositories: Readonly<Record<ServiceName, IRepository>>;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    this.repositories = perService(
      (entry) =>
        new Repository(this, `${entry.name}Repository`, {
          repositoryName: repositoryName(props.config.name, entry.name),
          // Tags are git SHAs: a tag always means the same image, so a rollback is exact.
          imageTagMutability: TagMutability.IMMUTABLE,
          imageScanOnPush: true,
          lifecycleRules: [{ description: `Keep the last ${imagesKept} images`, maxImageCount: imagesKept }],
          // Kept even when a dev stack is deleted: images are cheap, and deleting a
          // repository that still holds them would fail the stack deletion.
          removalPolicy: RemovalPolicy.RETAIN,
        }),
    );
  }
}
