import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { contextKeys, settingsFromContext, type DeploymentSettings } from './context';

/**
 * The app and settings a deploy script's helper (release-plan.js, eks-values.js) sees for an
 * environment: cdk.json's context, the environment, and the `-c key=value` pairs the script
 * passes on to cdk deploy, so helper and stacks agree on region, domains and the rest.
 */
export function scriptSettings(
  environment: string,
  contextArgs: readonly string[],
): { app: App; settings: DeploymentSettings } {
  const { context: featureFlags } = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'),
  ) as { context: Record<string, unknown> };
  const pairs: Record<string, string> = {};
  for (let index = 0; index < contextArgs.length; index += 1) {
    const argument = contextArgs[index]!;
    const pair = argument === '-c' || argument === '--context' ? contextArgs[++index] : argument;
    const separator = pair?.indexOf('=') ?? -1;
    if (!pair || separator <= 0) throw new Error(`Expected -c key=value, got "${argument}"`);
    pairs[pair.slice(0, separator)] = pair.slice(separator + 1);
  }
  const app = new App({
    context: {
      ...featureFlags,
      [contextKeys.imageTag]: 'release-plan',
      ...pairs,
      [contextKeys.environment]: environment,
    },
  });
  return { app, settings: settingsFromContext(app.node) };
}
