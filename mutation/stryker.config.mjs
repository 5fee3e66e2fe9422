// Stryker for one group of mutation/groups.mjs, named by MUTATION_GROUP (make mutation sets it).
import { groups } from './groups.mjs';

const name = process.env.MUTATION_GROUP ?? '';
const group = groups[name];
if (!group)
  throw new Error(`MUTATION_GROUP must be one of: ${Object.keys(groups).join(', ')} (got '${name}')`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner', '@stryker-mutator/typescript-checker'],
  // A mutant that does not type-check is a compile error, not a kill.
  checkers: ['typescript'],
  tsconfigFile: group.tsconfig,
  coverageAnalysis: 'perTest',
  mutate: group.mutate,
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      roots: ['<rootDir>/services', '<rootDir>/test'],
      testMatch: group.tests.map((test) => `<rootDir>/${test}`),
      // A mutant that makes a test wait forever fails that test after MUTATION_TEST_TIMEOUT_MS
      // (Jest's own timeout, default the suite's 30 s) instead of timing out the whole run, which
      // restarts the test runner: on a busy machine a cold runner times out again, and again.
      testTimeout: Number(process.env.MUTATION_TEST_TIMEOUT_MS ?? 30_000),
    },
    enableFindRelatedTests: false,
  },
  incremental: true,
  incrementalFile: `mutation/incremental/${name}.json`,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowEmojis: false, logTests: false },
  // Two cores shared with everything else on the machine; a busy machine needs a long grace.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // MUTATION_TIMEOUT_MS shortens it for a group whose surviving hangs are idle waits, not work.
  timeoutMS: Number(process.env.MUTATION_TIMEOUT_MS ?? 60_000),
  dryRunTimeoutMinutes: 15,
  tempDirName: '.stryker-tmp',
  ignorePatterns: [
    'frontend',
    'cdk',
    'cdk8s',
    'charts',
    'loadtest',
    'docs',
    'runbooks',
    '.dev',
    '.fuzz',
    '.release',
    '.loadtest-smoke',
    'tools/helm',
    'tools/actionlint',
    'mutation/incremental',
  ],
};
