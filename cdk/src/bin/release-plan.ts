#!/usr/bin/env node
import { callersOf, services } from '@what-if/catalog';
import { buildWhatIf } from '../app';
import { publicEntry } from '../catalog/reachability';
import { chartRepositoryName, clusterName, repositoryName, stackName } from '../config/naming';
import { scriptSettings } from '../config/script-settings';

/**
 * What the release scripts (make deploy-ecs, images, rollback-ecs, deploy-eks-prereqs,
 * deploy-eks, rollback-eks) need to know about one environment, as tab-separated lines, derived
 * from the same app they deploy:
 *   region          <region>
 *   first-stacks    <stack> ...          deployed before any image is pushed
 *   registry-stack  <stack>              the ECR repositories
 *   image           <service> <port> <repository>
 *   chart           <repository>         the Helm chart's OCI repository
 *   secret          <provisioning> <secret name> [<caller>=<its SERVICE_SIGNING_KEY secret>,...]
 *                   (the callers only for service-public-keys: whose public keys the secret holds)
 *   signing-key     <service> <its SERVICE_SIGNING_KEY secret> <ECS service> ...
 *                   (the ECS services that run with the key: the service and its workers)
 *   blue-green      <cluster> <service> <rollback alarm> ...   watched after the deploy
 *   site            <frontend stack> <its region>   where the web app's export is uploaded
 *   ecs-cluster     <name>
 *   services-stack  <stack>              the ECS services (make rollback-ecs deploys only it)
 *   public-service  <service> <port>
 *   eks-stack       <stack>              the EKS prerequisites
 *   eks-cluster     <name>
 *   eks-namespace   <namespace>
 *   eks-rollouts    true|false
 *   eks-api-domain  <domain>
 *   hosted-zone     <id>
 * Usage: node cdk/dist/bin/release-plan.js <env> [region] [-c key=value ...]
 */
const [environment, ...rest] = process.argv.slice(2);
try {
  if (!environment) throw new Error('Usage: release-plan.js <env> [region] [-c key=value ...]');
  // A second argument that is not an option is the region (possibly empty), as deploy-ecs passes it.
  const positionalRegion = rest[0] !== undefined && !rest[0].startsWith('-') ? rest.shift() : undefined;
  const context = positionalRegion ? ['-c', `region=${positionalRegion}`, ...rest] : rest;
  const { app, settings } = scriptSettings(environment, context);
  const { config } = settings;
  const stacks = buildWhatIf(app, settings);
  const gateway = publicEntry();
  /** `<caller>=<secret name>` of each catalog caller's signing key, comma-separated. */
  const signingKeysOfCallers = (callee: (typeof services)[number]['name']): string =>
    callersOf(callee)
      .map((caller) => {
        const record = stacks.data.applicationSecrets.records.find(
          (candidate) => candidate.service === caller && candidate.variable === 'SERVICE_SIGNING_KEY',
        );
        if (!record) throw new Error(`${caller} has no SERVICE_SIGNING_KEY secret`);
        return `${caller}=${record.secretName}`;
      })
      .join(',');
  const lines = [
    ['region', config.region],
    ['first-stacks', stacks.network.stackName, stacks.data.stackName, stacks.registry.stackName],
    ['registry-stack', stacks.registry.stackName],
    ...services.map((entry) => [
      'image',
      entry.name,
      String(entry.port),
      repositoryName(config.name, entry.name),
    ]),
    ['chart', chartRepositoryName(config.name)],
    ...stacks.data.applicationSecrets.records.map((record) => [
      'secret',
      record.provisioning,
      record.secretName,
      ...(record.provisioning === 'service-public-keys' ? [signingKeysOfCallers(record.service)] : []),
    ]),
    ...stacks.data.applicationSecrets.records
      .filter((record) => record.variable === 'SERVICE_SIGNING_KEY')
      .map((record) => {
        const entry = services.find((candidate) => candidate.name === record.service);
        if (!entry) throw new Error(`${record.service} is not in the catalog`);
        return [
          'signing-key',
          entry.name,
          record.secretName,
          entry.name,
          ...(entry.workers ?? []).map((worker) => worker.name),
        ];
      }),
    ...Object.entries(stacks.services.rollbackAlarms).map(([service, alarms]) => [
      'blue-green',
      clusterName(config.name),
      service,
      (alarms ?? []).join(' '),
    ]),
    ['site', stacks.frontend.stackName, stacks.frontend.region],
    ['ecs-cluster', clusterName(config.name)],
    ['services-stack', stacks.services.stackName],
    ['public-service', gateway.name, String(gateway.port)],
    ['eks-stack', stackName(config.name, 'EksPrerequisites')],
    ['eks-cluster', config.eks.clusterName],
    ['eks-namespace', config.eks.namespace],
    ['eks-rollouts', String(config.eks.rollouts)],
    ['eks-api-domain', config.eks.apiDomain],
    ['hosted-zone', config.domain.hostedZoneId],
  ];
  process.stdout.write(lines.map((fields) => fields.join('\t')).join('\n') + '\n');
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
