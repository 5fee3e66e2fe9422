import { readFileSync } from 'node:fs';
import path from 'node:path';
import { services } from '@what-if/catalog';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { renderValuesTables, withValuesTables } from '../src/generate/helm-readme-values';
import { renderHelmValues, renderHelmValuesSchema } from '../src/generate/helm-values';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const chart = path.join(repositoryRoot, 'charts', 'what-if');
const read = (file: string) => readFileSync(path.join(chart, file), 'utf8');

type Json = Record<string, unknown>;

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
  const at = line === -1 ? expectedLines.length : line;
  return `line ${at + 1}: checked in ${JSON.stringify(actualLines[at])}, catalog gives ${JSON.stringify(expectedLines[at])}`;
}

describe.each([
  ['values.yaml', renderHelmValues],
  ['values.schema.json', renderHelmValuesSchema],
  ['README.md', () => withValuesTables(read('README.md'))],
] as const)('charts/what-if/%s', (file, render) => {
  it('is exactly what the catalog generates', () => {
    const checkedIn = read(file);
    const generated = render();
    if (checkedIn !== generated) {
      throw new Error(
        `charts/what-if/${file} has drifted from services/catalog (${firstDifference(checkedIn, generated)}).\n` +
          'Run `make generate && make helm-examples` and commit the result; never edit it by hand.',
      );
    }
  });
});

describe('the chart values and their schema', () => {
  const values = parse(read('values.yaml')) as Json;
  const schema = JSON.parse(read('values.schema.json')) as Json;

  it('holds one entry per catalog service and nothing else', () => {
    expect(Object.keys(values.services as Json)).toEqual(services.map((entry) => entry.name));
  });

  it('accepts its own defaults', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(values) ? [] : validate.errors).toEqual([]);
  });

  it('closes every object that lists its keys, so a misspelt key fails', () => {
    const open: string[] = [];
    const visit = (node: Json, at: string) => {
      if (node.properties) {
        if (node.additionalProperties !== false) open.push(at || '(root)');
        for (const [key, child] of Object.entries(node.properties as Record<string, Json>))
          visit(child, `${at}.${key}`);
      }
      if (node.items && typeof node.items === 'object') visit(node.items as Json, `${at}[]`);
    };
    visit(schema, '');
    expect(open).toEqual([]);
  });

  it('documents every value in the README', () => {
    const tables = renderValuesTables();
    const undocumented: string[] = [];
    const visit = (node: unknown, at: string[]) => {
      if (at[0] === 'services' && at.length >= 2) at = ['services', '<name>', ...at.slice(2)];
      if (at[0] === 'services' && at[2] === 'env' && at.length > 3) at = [...at.slice(0, 3), '<VARIABLE>'];
      const key = at.join('.');
      if (at.length > 0 && !tables.includes(`\`${key}\``)) undocumented.push(key);
      const isGroup =
        node !== null && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length > 0;
      const documentedWhole = isGroup && tables.includes(`\`${key}\` | object`);
      if (isGroup && !documentedWhole) {
        for (const [child, value] of Object.entries(node as Json)) visit(value, [...at, child]);
      }
    };
    visit(values, []);
    expect([...new Set(undocumented)]).toEqual([]);
  });

  it('pins the development stores to the images docker-compose.yml runs', () => {
    const compose = parse(readFileSync(path.join(repositoryRoot, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { image: string }>;
    };
    const devStores = values.devStores as Record<string, { image: string }>;
    for (const store of ['postgres', 'redis', 'dynamodb']) {
      expect([store, devStores[store]!.image]).toEqual([store, compose.services[store]!.image]);
    }
  });
});
