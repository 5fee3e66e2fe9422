#!/usr/bin/env node
// Prints which area of the repository imports which, as the layering rule sees them, and lists
// every import against the layering (exit status 1 when there is one).
// Usage: node tools/lint/import-graph.js [repository folder, default this checkout]
const { readFileSync, readdirSync } = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { areaOf, targetOf, violation } = require('./layering');

const skipped = new Set(['node_modules', 'dist', 'cdk.out', '__snapshots__', '.git']);

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|cjs|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function label(area) {
  return area.tests && area.area !== 'test' ? `${area.area} tests` : area.area;
}

/** The imports between areas: per importing area, the areas it reaches and how often; and the violations. */
function importGraph(repositoryRoot) {
  const edges = new Map();
  const violations = [];
  const roots = ['services', 'tools', 'test', 'cdk', 'cdk8s'].map((top) => path.join(repositoryRoot, top));
  for (const file of roots.flatMap((root) => {
    try {
      return sourceFiles(root);
    } catch {
      return [];
    }
  })) {
    const relative = path.relative(repositoryRoot, file);
    const from = areaOf(relative);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const to = targetOf(imported.fileName, file, repositoryRoot);
      if (!to || (to.area === from.area && to.tests === from.tests)) continue;
      const why = violation(from, to);
      const targets = edges.get(label(from)) ?? new Map();
      const key = label(to);
      const edge = targets.get(key) ?? { count: 0, against: false };
      edge.count += 1;
      edge.against ||= why !== undefined;
      targets.set(key, edge);
      edges.set(label(from), targets);
      if (why) {
        const line = text.slice(0, imported.pos).split('\n').length;
        violations.push({ file: `${relative}:${line}`, specifier: imported.fileName, why });
      }
    }
  }
  return { edges, violations };
}

function render({ edges, violations }) {
  const width = Math.max(...[...edges.keys()].map((name) => name.length));
  const lines = [...edges.keys()].sort().map((from) => {
    const targets = [...edges.get(from).entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([to, edge]) => `${to} (${edge.count})${edge.against ? ' ✗' : ''}`);
    return `${from.padEnd(width)} -> ${targets.join(', ')}`;
  });
  lines.push('');
  if (violations.length === 0) {
    lines.push('No import is against the layering.');
  } else {
    lines.push(`✗ ${violations.length} imports are against the layering:`);
    for (const found of violations) lines.push(`  ${found.file} '${found.specifier}': ${found.why}`);
  }
  return lines.join('\n');
}

module.exports = { importGraph, render };

if (require.main === module) {
  const graph = importGraph(path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..')));
  process.stdout.write(`${render(graph)}\n`);
  process.exitCode = graph.violations.length > 0 ? 1 : 0;
}
