import { readFileSync } from 'node:fs';
import path from 'node:path';
import { profileNamed } from './profiles';
import { type ReleaseValues, withReleaseValues } from './release-values';
import { synthesizeObjects, writeManifests } from './synth';

/** cdk8s/dist/main.js sits one level below cdk8s/, whose dist/ receives the manifests. */
const outdir = path.resolve(__dirname);

function main(argv: readonly string[]): number {
  if (argv.length < 1 || argv.length > 2) {
    process.stderr.write(
      'Usage: node cdk8s/dist/main.js eks|dev [release-values.json]   (or: make k8s-synth PROFILE=eks|dev RELEASE_VALUES=...)\n',
    );
    return 2;
  }
  try {
    const named = profileNamed(argv[0]!);
    // make deploy-eks writes the values as JSON (which is YAML too), so they parse as they are.
    const profile = argv[1]
      ? withReleaseValues(named, JSON.parse(readFileSync(argv[1], 'utf8')) as ReleaseValues)
      : named;
    const count = synthesizeObjects(profile).length;
    const file = writeManifests(profile, outdir);
    process.stdout.write(
      `wrote ${path.relative(process.cwd(), file)}: ${count} objects, profile ${profile.name}\n`,
    );
    process.stdout.write(`apply with: kubectl apply -f ${path.relative(process.cwd(), outdir)}/\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
