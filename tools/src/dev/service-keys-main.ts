import path from 'node:path';
import { defaultRepoRoot } from './config';
import { devServiceKeysDirectory, writeServiceKeyEnvFiles } from './service-keys';

/**
 * make service-keys [DIR=…]: every service's key (kept; made once) and its env file with
 * SERVICE_SIGNING_KEY and SERVICE_PUBLIC_KEYS. make up runs it for docker-compose.yml.
 */
const directory = path.resolve(process.argv[2] ?? devServiceKeysDirectory(defaultRepoRoot));
for (const file of writeServiceKeyEnvFiles(directory)) {
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
