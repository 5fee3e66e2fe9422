// Who may import whom (docs/architecture.md, "Layering"): one table, read by the ESLint rule
// `what-if/layering` (tools/lint/eslint-plugin.js) and by the import-graph printer.
const path = require('node:path');

/** What the code of each area may import besides its own. */
const libraryImports = {
  catalog: [],
  contracts: ['catalog'],
  kit: ['catalog', 'contracts'],
  'offline-writer': ['catalog', 'contracts'],
};
const serviceImports = ['catalog', 'contracts', 'kit'];
/** Libraries only some services use. */
const serviceLibraries = { generation: ['offline-writer'] };
const otherImports = {
  cdk: ['catalog'],
  cdk8s: ['catalog'],
  'chart generator': ['catalog'],
  // Benchmarks measure the offline writer as a library; services they start as processes.
  tools: ['catalog', 'contracts', 'kit', 'offline-writer', 'chart generator'],
  // The dev tooling: the store preflight `make dev` runs, the harness that starts services as processes.
  test: ['catalog', 'contracts', 'kit', 'tools'],
};

/** Every folder under services/ that is not a library is a service. */
function isService(area) {
  return !(area in libraryImports) && !(area in otherImports);
}

function mayImport(area) {
  if (area in libraryImports) return libraryImports[area];
  if (area in otherImports) return otherImports[area];
  return [...serviceImports, ...(serviceLibraries[area] ?? [])];
}

/**
 * The area of a path relative to the repository root, and whether it is test code; undefined
 * outside the areas (root configuration files).
 */
function areaOf(relativePath) {
  const parts = relativePath.split(/[\\/]/);
  const [top, second, third] = parts;
  if (top === 'test') return { area: 'test', tests: true };
  if (top === 'services' && second) return { area: second, tests: third === 'test' };
  if (top === 'cdk' || top === 'cdk8s') return { area: top, tests: second === 'test' };
  if (top === 'tools') {
    if (second === 'src' && third === 'generate' && /^helm-/.test(parts[3] ?? '')) {
      return { area: 'chart generator', tests: false };
    }
    return { area: 'tools', tests: second === 'test' };
  }
  return undefined;
}

/** Where each of our workspace packages lives. */
function packageFolder(name) {
  return ['cdk', 'cdk8s', 'tools'].includes(name) ? name : `services/${name}`;
}

/** The area an import reaches, or undefined for anything not ours (npm packages, node:). */
function targetOf(specifier, importingFile, repositoryRoot) {
  if (specifier.startsWith('.')) {
    const resolved = path.resolve(path.dirname(importingFile), specifier);
    return areaOf(path.relative(repositoryRoot, resolved));
  }
  const ours = /^@what-if\/([^/]+)(?:\/(.*))?$/.exec(specifier);
  if (!ours) return undefined;
  // Compiled output stands for its sources: @what-if/tools/dist/generate/x is tools/src/generate/x.
  const inside = (ours[2] ?? '').replace(/^dist(\/|$)/, 'src$1');
  return areaOf(path.join(packageFolder(ours[1]), inside));
}

/** Why an import from one area into another is against the layering; undefined when it is allowed. */
function violation(from, to) {
  if (to.tests && !from.tests) return 'code that ships never imports test code';
  if (to.tests) {
    return to.area === from.area || to.area === 'test'
      ? undefined
      : `test code shared between areas belongs in test/support, not in ${to.area}'s tests`;
  }
  if (to.area === from.area || mayImport(from.area).includes(to.area)) return undefined;
  const allowed = mayImport(from.area);
  const rule = `${from.area} may import ${allowed.length > 0 ? allowed.join(', ') : 'nothing of ours'}`;
  return isService(from.area) && isService(to.area)
    ? `${rule}, never another service: services talk over HTTP (shared shapes go in services/contracts, helpers in the kit, tests of several services in test/)`
    : rule;
}

module.exports = { areaOf, isService, mayImport, targetOf, violation };
