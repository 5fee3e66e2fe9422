import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoTable, dynamoTableName, services } from '@what-if/catalog';
import {
  collectItems,
  ensureTables,
  existingTables,
  scanMarshalledPages,
  writeMarshalledBatches,
} from '@what-if/kit/dynamodb';

/**
 * The local stand-in for DynamoDB's continuous backups: an export is a scan of every table the
 * catalog declares, written as DynamoDB JSON (one item a line) under a folder named for the moment
 * it finished. Restoring "to a point in time" loads the newest export that had finished by then
 * into new tables, as `restore-table-to-point-in-time` does in AWS at one-second granularity.
 */

/** Every table of every service, as the catalog declares it. */
export const catalogTables: readonly DynamoTable[] = services.flatMap((entry) => entry.dynamoTables);

export interface ExportManifest {
  startedAt: string;
  finishedAt: string;
  tablePrefix: string;
  tables: { name: string; physicalName: string; items: number }[];
}

const manifestFile = 'manifest.json';

/** A folder name that sorts by time and is valid everywhere (no colons). */
function folderName(time: Date): string {
  return time.toISOString().replace(/:/g, '-');
}

// Binary attributes travel as base64 so an export is plain JSON.
type StoredValue = Record<string, unknown>;

function toStored(value: AttributeValue): StoredValue {
  if (value.B) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS) return { BS: value.BS.map((entry) => Buffer.from(entry).toString('base64')) };
  if (value.L) return { L: value.L.map(toStored) };
  if (value.M) return { M: toStoredItem(value.M) };
  return value as unknown as StoredValue;
}

function toStoredItem(item: Record<string, AttributeValue>): Record<string, StoredValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toStored(value)]));
}

function fromStored(value: StoredValue): AttributeValue {
  if (typeof value['B'] === 'string') return { B: Buffer.from(value['B'], 'base64') };
  if (Array.isArray(value['BS']))
    return { BS: (value['BS'] as string[]).map((entry) => Buffer.from(entry, 'base64')) };
  if (Array.isArray(value['L'])) return { L: (value['L'] as StoredValue[]).map(fromStored) };
  if (value['M'] && typeof value['M'] === 'object')
    return { M: fromStoredItem(value['M'] as Record<string, StoredValue>) };
  return value as unknown as AttributeValue;
}

function fromStoredItem(item: Record<string, StoredValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, fromStored(value)]));
}

/** Scans every catalog table under `tablePrefix` into `<outDir>/<finish time>/`; returns that folder. */
export async function exportTables(
  client: DynamoDBClient,
  tablePrefix: string,
  outDir: string,
): Promise<{ folder: string; manifest: ExportManifest }> {
  const startedAt = new Date();
  const tables: ExportManifest['tables'] = [];
  const contents = new Map<string, string>();
  for (const table of catalogTables) {
    const physicalName = dynamoTableName(tablePrefix, table.name);
    const items = await collectItems(scanMarshalledPages(client, { TableName: physicalName }));
    contents.set(table.name, items.map((item) => JSON.stringify(toStoredItem(item))).join('\n'));
    tables.push({ name: table.name, physicalName, items: items.length });
  }
  const finishedAt = new Date();
  const manifest: ExportManifest = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    tablePrefix,
    tables,
  };
  const folder = path.join(outDir, folderName(finishedAt));
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of contents) writeFileSync(path.join(folder, `${name}.jsonl`), text);
  // Written last: a folder without its manifest is an export that did not finish.
  writeFileSync(path.join(folder, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  return { folder, manifest };
}

/** Every finished export under `exportsDir`, oldest first. */
export function listExports(exportsDir: string): { folder: string; manifest: ExportManifest }[] {
  return readdirSync(exportsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const folder = path.join(exportsDir, entry.name);
      try {
        const manifest = JSON.parse(readFileSync(path.join(folder, manifestFile), 'utf8')) as ExportManifest;
        return [{ folder, manifest }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.manifest.finishedAt.localeCompare(b.manifest.finishedAt));
}

/** The newest export that had finished at `at`: what a restore to that moment can bring back. */
export function exportAt(exportsDir: string, at: Date): { folder: string; manifest: ExportManifest } {
  const usable = listExports(exportsDir).filter((entry) => new Date(entry.manifest.finishedAt) <= at);
  const newest = usable.at(-1);
  if (!newest) throw new Error(`no export in ${exportsDir} had finished by ${at.toISOString()}`);
  return newest;
}

const restorePatience = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 12_800 };

/**
 * Creates every catalog table under `tablePrefix` (refusing, as AWS does, when one exists already)
 * and loads the export's items into them.
 */
export async function restoreTables(
  client: DynamoDBClient,
  exportFolder: string,
  tablePrefix: string,
): Promise<{ physicalName: string; items: number }[]> {
  const existing = await existingTables(client);
  const taken = catalogTables
    .map((table) => dynamoTableName(tablePrefix, table.name))
    .filter((name) => existing.has(name));
  if (taken.length > 0) {
    throw new Error(`restore target tables exist already: ${taken.join(', ')}; pick another prefix`);
  }
  await ensureTables(client, tablePrefix, catalogTables);
  const restored: { physicalName: string; items: number }[] = [];
  for (const table of catalogTables) {
    const physicalName = dynamoTableName(tablePrefix, table.name);
    const text = readFileSync(path.join(exportFolder, `${table.name}.jsonl`), 'utf8');
    const items = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => fromStoredItem(JSON.parse(line) as Record<string, StoredValue>));
    // A restore is no request path: as patient as before (9 sends, waits doubling to 12.8 s), now jittered.
    await writeMarshalledBatches(
      client,
      physicalName,
      items.map((item) => ({ PutRequest: { Item: item } })),
      restorePatience,
    );
    restored.push({ physicalName, items: items.length });
  }
  return restored;
}
