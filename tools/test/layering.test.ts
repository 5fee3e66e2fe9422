import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';

/**
 * The layering (docs/architecture.md) is an ESLint rule, so `make lint` fails on an import
 * against it. These snippets go through the repository's own ESLint configuration, as
 * `make lint` runs it, placed where the file would live.
 */
const repositoryRoot = path.resolve(__dirname, '..', '..');
// The repository's flat config, loaded here because ESLint's own loader needs an import() that
// Jest's sandbox lacks; the last test below runs the ESLint command itself.
const config = createRequire(__filename)(path.join(repositoryRoot, 'eslint.config.js')) as Linter.Config[];
const eslint = new ESLint({ cwd: repositoryRoot, overrideConfigFile: true, overrideConfig: config });

/** An import of this specifier as a file at this path would write it. */
function importing(specifier: string): string {
  return `import { something } from '${specifier}';\n\nexport const used = something;\n`;
}

/** The package name of one of our workspaces. */
function ours(name: string, inside = ''): string {
  return ['@what-if', name].join('/') + inside;
}

async function layeringProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repositoryRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'what-if/layering')
    .map((message) => message.message);
}

describe('an import against the layering fails the lint', () => {
  it.each([
    ['a service imports another service by package', 'services/gateway/src/extra.ts', ours('history')],
    ['a service imports another by path', 'services/user/src/extra.ts', '../../gateway/src/service'],
    [
      "a service's test imports another service",
      'services/generation/test/extra.test.ts',
      '../../history/src/service',
    ],
    ['the kit imports a service', 'services/kit/src/extra.ts', ours('user', '/dist/service')],
    ['the contracts import the kit', 'services/contracts/src/extra.ts', ours('kit')],
    ['the catalog imports the contracts', 'services/catalog/src/extra.ts', ours('contracts')],
    ['cdk8s imports the kit', 'cdk8s/src/extra.ts', ours('kit')],
    [
      'the chart generator imports cdk8s',
      'tools/src/generate/helm-extra.ts',
      ours('cdk8s', '/dist/kubernetes-defaults'),
    ],
    ['a benchmark imports a service', 'tools/src/bench/extra.ts', ours('gateway', '/dist/service')],
    ['a system test imports a service', 'test/extra.test.ts', '../services/history/src/service'],
    [
      "tools' tests import cdk8s' test support",
      'tools/test/extra.test.ts',
      '../../cdk8s/test/support/manifests',
    ],
    ['shipped code imports test support', 'services/history/src/extra.ts', '../../../test/support/tokens'],
  ])('%s', async (_case, file, specifier) => {
    const problems = await layeringProblems(file, importing(specifier));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Importing '${specifier}' here is against the layering`);
  });

  it('names the rule a service breaks and where shared code belongs', async () => {
    const [problem] = await layeringProblems('services/gateway/src/extra.ts', importing(ours('history')));
    expect(problem).toContain('gateway may import catalog, contracts, kit, never another service');
    expect(problem).toContain('services/contracts');
  });

  it('catches require() and dynamic import() as well', async () => {
    const file = 'services/gateway/src/extra.ts';
    const code = `export const later = () => import('${ours('history')}');\n`;
    expect(await layeringProblems(file, code)).toHaveLength(1);
    const required = `// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const now = require('${ours('user')}');\n`;
    expect(await layeringProblems(file, required)).toHaveLength(1);
  });
});

describe('the imports the layering allows pass', () => {
  it.each([
    [
      'a service imports the kit, the contracts and the catalog',
      'services/history/src/extra.ts',
      [ours('kit'), ours('contracts'), ours('catalog'), ours('kit', '/dynamodb')],
    ],
    ['generation imports the offline writer', 'services/generation/src/extra.ts', [ours('offline-writer')]],
    [
      'the kit imports the contracts and the catalog',
      'services/kit/src/extra.ts',
      [ours('contracts'), ours('catalog')],
    ],
    [
      "a service's test uses shared test support",
      'services/user/test/extra.test.ts',
      ['../../../test/support/tokens', '../src/service'],
    ],
    [
      'a system test starts services through the tools harness',
      'test/extra.test.ts',
      ['../tools/src/harness/service-process', './support/eventually'],
    ],
    [
      "the tests' store preflight reuses the dev launcher's",
      'test/support/extra.ts',
      ['../../tools/src/dev/preflight'],
    ],
    ['cdk imports the catalog', 'cdk/src/extra.ts', [ours('catalog')]],
  ])('%s', async (_case, file, specifiers) => {
    for (const specifier of specifiers)
      expect(await layeringProblems(file, importing(specifier))).toEqual([]);
  });
});

test('the eslint command `make lint` runs fails on such an import, naming the rule', () => {
  const file = 'services/gateway/src/extra.ts';
  const result = spawnSync(
    process.execPath,
    [
      path.join(repositoryRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      file,
    ],
    { cwd: repositoryRoot, input: importing(ours('history')), encoding: 'utf8' },
  );
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('what-if/layering');
  expect(result.stdout).toContain("Importing '@what-if/history' here is against the layering");
});

describe('the import graph', () => {
  it('prints every area and finds no import against the layering in this checkout', () => {
    const printed = execFileSync(
      process.execPath,
      [path.join(repositoryRoot, 'tools', 'lint', 'import-graph.js')],
      {
        encoding: 'utf8',
      },
    );
    expect(printed).toMatch(/^kit +-> catalog \(\d+\), contracts \(\d+\)$/m);
    expect(printed).toMatch(/^catalog tests +-> catalog \(\d+\)$/m);
    expect(printed).toContain('No import is against the layering.');
  });
});
