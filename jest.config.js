/** One Jest run over every package; TypeScript is transformed by swc and type-checked by `tsc -b`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/services', '<rootDir>/tools', '<rootDir>/test', '<rootDir>/cdk', '<rootDir>/cdk8s'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@what-if/(catalog|contracts|kit|offline-writer)$': '<rootDir>/services/$1/src/index.ts',
    '^@what-if/kit/(postgres|redis|dynamodb|tracing)$': '<rootDir>/services/kit/src/$1.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  setupFiles: ['<rootDir>/test/support/environment.js'],
  globalSetup: '<rootDir>/test/support/store-preflight.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  maxWorkers: 2,
  testTimeout: 30000,
};
