import { readFileSync } from 'node:fs';
import path from 'node:path';
import { envFor, services } from '@what-if/catalog';
import { renderEnvTable, withEnvTable } from '../src/generate/readme-env';

const repositoryRoot = path.join(__dirname, '..', '..');

test.each(services.map((entry) => entry.name))(
  "the %s README's environment table is the catalog's (run `make generate` when this fails)",
  (name) => {
    const readme = readFileSync(path.join(repositoryRoot, 'services', name, 'README.md'), 'utf8');
    expect(readme).toBe(withEnvTable(readme, name));
  },
);

test('the table lists every variable with its default and marks secrets', () => {
  const table = renderEnvTable('user');
  for (const variable of envFor('user')) expect(table).toContain(`| \`${variable.name}\` |`);
  expect(table).toMatch(/\| `DATABASE_URL` \| `postgres:\/\/[^|]+` \| .*\(secret in production\) \|/);
});

test('a README without the markers is refused rather than silently skipped', () => {
  expect(() => withEnvTable('# no markers', 'history')).toThrow(/env:start/);
});
