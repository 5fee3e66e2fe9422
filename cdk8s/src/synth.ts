import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { App } from 'cdk8s';
import type { Profile } from './profile';
import { WhatIfChart } from './what-if-chart';

/** The one file `make k8s-synth` writes, so `kubectl apply -f cdk8s/dist/` applies exactly one profile. */
export const manifestFile = 'what-if.k8s.yaml';

/** The profile's objects as JSON, in the order kubectl applies them. */
export function synthesizeObjects(profile: Profile): Record<string, unknown>[] {
  const chart = new WhatIfChart(new App(), 'what-if', profile);
  return chart.toJson() as Record<string, unknown>[];
}

/** Writes the profile's manifests to outdir, removing manifests an earlier synth left there. */
export function writeManifests(profile: Profile, outdir: string): string {
  for (const file of readdirSync(outdir)) {
    if (file.endsWith('.k8s.yaml')) rmSync(path.join(outdir, file));
  }
  const app = new App({ outdir });
  new WhatIfChart(app, 'what-if', profile);
  app.synth();
  return path.join(outdir, manifestFile);
}
