import { envFor, services } from '@what-if/catalog';
import type { EnvironmentConfig } from '../config/environment-config';
import type { PushedImage } from '../config/pushed-images';
import { dynamoTablePrefix, mailSender, repositoryName, secretPrefix, siteUrl } from '../config/naming';
import { eksAccessLogPrefix, eksOutputKeys } from './eks-prerequisites-stack';

export interface ReleaseFacts {
  readonly config: EnvironmentConfig;
  /** The AWS account the credentials deploy into. */
  readonly account: string;
  /** The prerequisites stack's outputs, by key. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly images: readonly PushedImage[];
}

/** Parses `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` output. */
export function outputsByKey(json: string): Record<string, string> {
  const outputs = JSON.parse(json) as { OutputKey: string; OutputValue: string }[] | null;
  return Object.fromEntries((outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
}

function required(outputs: Readonly<Record<string, string>>, key: string): string {
  const value = outputs[key];
  if (!value) {
    throw new Error(
      `The EKS prerequisites stack has no output ${key}: run make deploy-eks-prereqs for this environment first`,
    );
  }
  return value;
}

/**
 * The Helm values that make one environment's release real, laid over values-eks-prod.yaml:
 * the account's registry and each image pinned by digest, the roles, certificate, WAF,
 * access-log bucket and video bucket from the prerequisites stack's outputs, and the environment's VPC, secret
 * prefix, domains, mail and scenario settings from its configuration, as ECS uses them. JSON,
 * which Helm reads as YAML and cdk8s (make k8s-synth VALUES=...) reads as it is.
 */
export function eksReleaseValues(facts: ReleaseFacts): Record<string, unknown> {
  const { config, account, outputs, images } = facts;
  const missing = services.filter((entry) => !images.some((image) => image.service === entry.name));
  if (missing.length > 0) {
    throw new Error(
      `No pushed image recorded for ${missing.map((entry) => entry.name).join(', ')}: run make images ENV=${config.name} first`,
    );
  }
  const tags = new Set(images.map((image) => image.tag));
  if (tags.size !== 1)
    throw new Error(`images.tsv mixes tags ${[...tags].join(', ')}: run make images again`);

  const alb = {
    certificateArn: required(outputs, eksOutputKeys.certificate),
    wafv2AclArn: required(outputs, eksOutputKeys.webAcl),
    accessLogs: { bucket: required(outputs, eksOutputKeys.accessLogsBucket), prefix: eksAccessLogPrefix },
  };
  const vpc = [{ ipBlock: { cidr: config.network.cidr } }];
  const site = siteUrl(config.domain);
  const platform: Record<string, string> = {
    AWS_REGION: config.region,
    DYNAMODB_TABLE_PREFIX: dynamoTablePrefix(config.name),
    CORS_ALLOWED_ORIGINS: site,
    PUBLIC_APP_URL: site,
    PUBLIC_API_URL: `https://${config.eks.apiDomain}`,
    MAILER: config.mail.mailer,
    MAIL_FROM: mailSender(config.domain.hostedZoneName),
    GENERATION_PROVIDERS: config.scenarios.providers,
    BEDROCK_REGION: config.region,
    BEDROCK_MODEL_ID: config.scenarios.bedrockModelId,
    // The data stack's video bucket, shared with ECS as the jobs table is.
    VIDEO_STORAGE: 's3',
    VIDEO_BUCKET: required(outputs, eksOutputKeys.videoBucket),
  };

  const serviceValues = Object.fromEntries(
    services.map((entry) => {
      const image = images.find((candidate) => candidate.service === entry.name)!;
      const declared = new Set(envFor(entry.name).map((variable) => variable.name));
      const env = Object.fromEntries(Object.entries(platform).filter(([name]) => declared.has(name)));
      const roleArn = outputs[eksOutputKeys.role(entry.name)];
      const workers = Object.fromEntries(
        (entry.workers ?? []).flatMap((worker) => {
          const workerRoleArn = outputs[eksOutputKeys.role(worker.name)];
          return workerRoleArn ? [[worker.name, { awsRoleArn: workerRoleArn }]] : [];
        }),
      );
      return [
        entry.name,
        {
          image: { repository: repositoryName(config.name, entry.name), digest: image.digest },
          ...(Object.keys(env).length > 0 ? { env } : {}),
          ...(roleArn ? { awsRoleArn: roleArn } : {}),
          ...(Object.keys(workers).length > 0 ? { workers } : {}),
        },
      ];
    }),
  );

  return {
    global: { image: { registry: `${account}.dkr.ecr.${config.region}.amazonaws.com`, tag: [...tags][0] } },
    rollouts: { enabled: config.eks.rollouts },
    keda: { enabled: config.eks.keda },
    networkPolicy: { ingressControllerPeers: vpc },
    stores: { postgres: { peers: vpc }, redis: { peers: vpc } },
    externalSecrets: {
      keyPrefix: secretPrefix(config.name),
      clusterSecretStore: { create: true, region: config.region },
    },
    ingress: {
      host: config.eks.apiDomain,
      alb,
    },
    services: serviceValues,
  };
}

export { pushedImages, type PushedImage } from '../config/pushed-images';
