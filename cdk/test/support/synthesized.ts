import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildWhatIf, type WhatIfStacks } from '../../src/app';
import { settingsFromContext } from '../../src/config/context';
import type { EnvironmentConfig, EnvironmentName } from '../../src/config/environment-config';

export type StackKey = keyof WhatIfStacks;

export interface SynthesizedEnvironment {
  readonly app: App;
  readonly config: EnvironmentConfig;
  readonly stacks: WhatIfStacks;
  readonly templates: Readonly<Record<StackKey, Template>>;
}

export const testImageTag = 'test1234';

/** The feature flags the CLI reads from cdk/cdk.json, so tests build exactly what synth builds. */
export function featureFlags(): Record<string, unknown> {
  const file = path.join(__dirname, '..', '..', 'cdk.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { context: Record<string, unknown> }).context;
}

const cache = new Map<string, SynthesizedEnvironment>();

/** One environment built and synthesized once per test file (and per extra context). */
export function synthesized(
  environment: EnvironmentName,
  context: Record<string, string> = {},
): SynthesizedEnvironment {
  const key = JSON.stringify([environment, context]);
  const cached = cache.get(key);
  if (cached) return cached;
  const app = new App({
    context: { ...featureFlags(), env: environment, imageTag: testImageTag, ...context },
  });
  const settings = settingsFromContext(app.node);
  const stacks = buildWhatIf(app, settings);
  const templates = Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack)]),
  ) as Record<StackKey, Template>;
  const result = { app, config: settings.config, stacks, templates };
  cache.set(key, result);
  return result;
}
