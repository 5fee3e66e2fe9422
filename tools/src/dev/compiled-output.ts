import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * A TypeScript project's folder and every project it references, transitively, itself first:
 * what a service runs is its own compiled output and that of the packages it builds on.
 */
export function projectClosure(folder: string): string[] {
  const seen: string[] = [];
  const visit = (current: string) => {
    const resolved = path.resolve(current);
    if (seen.includes(resolved)) return;
    seen.push(resolved);
    const configFile = path.join(resolved, 'tsconfig.json');
    if (!existsSync(configFile)) return;
    let config: { references?: { path: string }[] };
    try {
      config = JSON.parse(readFileSync(configFile, 'utf8')) as typeof config;
    } catch (error) {
      throw new Error(`${configFile} is not plain JSON: ${(error as Error).message}`);
    }
    for (const reference of config.references ?? []) visit(path.resolve(resolved, reference.path));
  };
  visit(folder);
  return seen;
}

/** The files of a project that a running process reads: its compiled JavaScript and its contract. */
function runtimeFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    if (!existsSync(directory)) return;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?js$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(folder, 'dist'));
  const contract = path.join(folder, 'openapi.yaml');
  if (existsSync(contract)) files.push(contract);
  return files.sort();
}

/**
 * Content fingerprints of compiled output, one per project folder, read once per look however
 * many services share a folder (every service builds on the kit). Content, not times: tsc
 * rewrites files whose text did not change, and a comment edit that leaves the JavaScript equal
 * must not restart anything.
 */
export class OutputFingerprints {
  private readonly folders = new Map<string, string>();

  folder(folder: string): string {
    let fingerprint = this.folders.get(folder);
    if (fingerprint === undefined) {
      const hash = createHash('sha256');
      for (const file of runtimeFiles(folder)) {
        hash.update(path.relative(folder, file)).update('\0').update(readFileSync(file)).update('\0');
      }
      fingerprint = hash.digest('hex');
      this.folders.set(folder, fingerprint);
    }
    return fingerprint;
  }

  /** One fingerprint for a project with everything it references. */
  closure(folders: readonly string[]): string {
    const hash = createHash('sha256');
    for (const folder of folders) hash.update(folder).update(this.folder(folder));
    return hash.digest('hex');
  }
}
