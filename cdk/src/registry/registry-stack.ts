import type { ServiceName } from '@what-if/catalog';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Repository, TagMutability, TagStatus, type IRepository } from 'aws-cdk-lib/aws-ecr';
import type { Construct } from 'constructs';
import { perService } from '../catalog/per-service';
import type { EnvironmentConfig } from '../config/environment-config';
import { chartRepositoryName, repositoryName } from '../config/naming';

export interface RegistryStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** Images kept, for a rollback, beyond the one running. */
const imagesKept = 30;

/**
 * Only tagged images count: a release is an image index (one tag) whose platform images, SBOM and
 * provenance are untagged manifests ECR keeps as long as the index that names them.
 */
const keepLastReleases = {
  description: `Keep the last ${imagesKept} releases`,
  tagStatus: TagStatus.TAGGED,
  tagPatternList: ['*'],
  maxImageCount: imagesKept,
};

/**
 * One ECR repository per catalog service, and one for the Helm chart (an OCI artifact whose
 * values pin those images by digest, pushed by make chart-release). A stack of its own because
 * make deploy-ecs must create it and push the images before the services that run them are deployed.
 */
export class RegistryStack extends Stack {
  readonly repositories: Readonly<Record<ServiceName, IRepository>>;
  readonly chartRepository: IRepository;

  constructor(scope: Construct, id: string, props: RegistryStackProps) {
    super(scope, id, props);
    const repository = (id: string, name: string) =>
      new Repository(this, id, {
        repositoryName: name,
        // Tags are git SHAs: a tag always means the same image, so a rollback is exact.
        imageTagMutability: TagMutability.IMMUTABLE,
        imageScanOnPush: true,
        lifecycleRules: [keepLastReleases],
        // Kept even when a dev stack is deleted: images are cheap, and deleting a
        // repository that still holds them would fail the stack deletion.
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.repositories = perService((entry) =>
      repository(`${entry.name}Repository`, repositoryName(props.config.name, entry.name)),
    );
    this.chartRepository = repository('ChartRepository', chartRepositoryName(props.config.name));
  }
}
