// The performance budget: first-load JavaScript per page, gzip-compressed, as the browser
// fetches it on a cold visit (every <script src> the exported HTML names). Fails over budget.
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out');
const budget = JSON.parse(await readFile(path.join(root, 'performance-budget.json'), 'utf8'));

async function* htmlFiles(directory) {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

const gzipped = new Map();
async function gzipSize(src) {
  if (!gzipped.has(src)) {
    const bytes = await readFile(path.join(outDir, decodeURIComponent(src.replace(/^\//, ''))));
    gzipped.set(src, gzipSync(bytes, { level: 9 }).length);
  }
  return gzipped.get(src);
}

function routeOf(file) {
  const relative = path
    .relative(outDir, file)
    .replace(/\.html$/, '')
    .split(path.sep)
    .join('/');
  return relative === 'index' ? '/' : `/${relative}`;
}

function limitFor(route) {
  return budget.routes[route] ?? budget.defaultKilobytes;
}

const rows = [];
for await (const file of htmlFiles(outDir)) {
  const route = routeOf(file);
  if (route === '/_not-found') continue;
  const html = await readFile(file, 'utf8');
  const sources = [...new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]))]
    // The legacy polyfills load only in browsers without modules.
    .filter(
      (src) => !new RegExp(`src="${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*noModule`).test(html),
    );
  let bytes = 0;
  for (const src of sources) bytes += await gzipSize(src);
  rows.push({
    route,
    kilobytes: Math.round((bytes / 1024) * 10) / 10,
    limit: limitFor(route),
    files: sources.length,
  });
}
rows.sort((a, b) => a.route.localeCompare(b.route));

const over = rows.filter((row) => row.kilobytes > row.limit);
const width = Math.max(...rows.map((row) => row.route.length));
process.stdout.write('first-load JavaScript per page (gzip):\n');
for (const row of rows) {
  process.stdout.write(
    `  ${row.route.padEnd(width)}  ${row.kilobytes.toFixed(1).padStart(6)} kB  (budget ${row.limit} kB, ${row.files} files)${row.kilobytes > row.limit ? '  OVER BUDGET' : ''}\n`,
  );
}
await mkdir(path.join(root, 'reports'), { recursive: true });
await writeFile(path.join(root, 'reports', 'bundle-sizes.json'), `${JSON.stringify(rows, null, 2)}\n`);
if (over.length > 0) {
  process.stderr.write(`budget: ${over.map((row) => row.route).join(', ')} over budget\n`);
  process.exit(1);
}
