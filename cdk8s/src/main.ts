import path from 'node:path';
import { profileNamed } from './profiles';
import { synthesizeObjects, writeManifests } from './synth';

/** cdk8s/dist/main.js sits one level below cdk8s/, whose dist/ receives the manifests. */
const outdir = path.resolve(__dirname);

function main(argv: readonly string[]): number {
  if (argv.length !== 1) {
    process.stderr.write('Usage: node cdk8s/dist/main.js eks|dev   (or: make k8s-synth PROFILE=eks|dev)\n');
    return 2;
  }
  try {
    const profile = profileNamed(argv[0]!);
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
