#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { App } from 'aws-cdk-lib';
import { buildWhatIf } from '../app';
import { contextKeys, settingsFromContext } from '../config/context';
import { chartRepositoryName, clusterName, repositoryName } from '../config/naming';

/**
 * What make deploy-ecs needs to know about one environment, as tab-separated lines, derived
 * from the same app it deploys:
 *   region        <region>
 *   first-stacks  <stack> ...          deployed before any image is pushed
 *   image         <service> <port> <repository>
 *   secret        <provisioning> <secret name>
 *   chart         <repository>                     the Helm chart's OCI repository
 *   blue-green    <cluster> <service> <rollback alarm> ...   watched after the deploy
 *   site          <frontend stack> <its region>   where the web app's export is uploaded
 * Usage: node cdk/dist/bin/release-plan.js <env> [region]
 */
const [environment, region] = process.argv.slice(2);
const { context: featureFlags } = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'),
) as { context: Record<string, unknown> };
const app = new App({
  context: {
    ...featureFlags,
    [contextKeys.environment]: environment,
    [contextKeys.imageTag]: 'release-plan',
    ...(region ? { [contextKeys.region]: region } : {}),
  },
});
const settings = settingsFromContext(app.node);
const stacks = buildWhatIf(app, settings);

const lines = [
  ['region', settings.config.region],
  ['first-stacks', stacks.network.stackName, stacks.data.stackName, stacks.registry.stackName],
  ...services.map((entry) => [
    'image',
    entry.name,
    String(entry.port),
    repositoryName(settings.config.name, entry.name),
  ]),
  ['chart', chartRepositoryName(settings.config.name)],
  ...stacks.data.applicationSecrets.records.map((record) => [
    'secret',
    record.provisioning,
    record.secretName,
  ]),
  ...Object.entries(stacks.services.rollbackAlarms).map(([service, alarms]) => [
    'blue-green',
    clusterName(settings.config.name),
    service,
    (alarms ?? []).join(' '),
  ]),
  ['site', stacks.frontend.stackName, stacks.frontend.region],
];
process.stdout.write(lines.map((fields) => fields.join('\t')).join('\n') + '\n');
