import { readFileSync } from 'node:fs';
import path from 'node:path';
import { routeTable, services } from '@what-if/catalog';
import { renderLoadtestCatalog } from '../src/generate/loadtest-catalog';

const repositoryRoot = path.resolve(__dirname, '..', '..');

describe("the k6 scripts' copy of the catalog", () => {
  it('is what the catalog generates (make generate rewrites it)', () => {
    expect(readFileSync(path.join(repositoryRoot, 'loadtest', 'lib', 'catalog.ts'), 'utf8')).toBe(
      renderLoadtestCatalog(),
    );
  });

  it("carries every service's latency objective and scaling bounds, and the whole routing table", () => {
    const rendered = renderLoadtestCatalog();
    for (const entry of services) {
      expect(rendered).toContain(`"${entry.name}": {\n    "latencyP99Ms": ${entry.latency.p99Ms},`);
      expect(rendered).toContain(`"maxReplicas": ${entry.scaling.maxReplicas}`);
    }
    expect(rendered.match(/"service": /g)).toHaveLength(routeTable().length);
  });
});
