#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { scriptSettings } from '../config/script-settings';
import { eksReleaseValues, outputsByKey, pushedImages } from '../eks/eks-values';

/**
 * make deploy-eks: the Helm values of one environment's release, as JSON on stdout (see
 * eksReleaseValues). Usage:
 *   node cdk/dist/bin/eks-values.js <env> <account> <outputs.json> <images.tsv> [-c key=value ...]
 * The -c pairs are the CDK context the stacks were deployed with (CDK_ARGS, REGION).
 */
const [environment, account, outputsFile, imagesFile, ...context] = process.argv.slice(2);
try {
  if (!environment || !account || !outputsFile || !imagesFile) {
    throw new Error('Usage: eks-values.js <env> <account> <outputs.json> <images.tsv> [-c key=value ...]');
  }
  const { config } = scriptSettings(environment, context).settings;
  const values = eksReleaseValues({
    config,
    account,
    outputs: outputsByKey(readFileSync(outputsFile, 'utf8')),
    images: pushedImages(readFileSync(imagesFile, 'utf8')),
  });
  process.stdout.write(`${JSON.stringify(values, null, 2)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
