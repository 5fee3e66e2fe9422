import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Logger, type StartedService, startService } from '@what-if/kit';
import { Pool } from 'pg';
import { eventually } from '../../../../test/support/eventually';
import { type TestStores, inProcessEnv, provisionStores } from '../../../../test/support/service-chassis';
import { deadPort } from '../../../../test/support/stores';
import type { Config } from '../../src/config';
import { userService } from '../../src/service';
import { testServiceIdentity } from '../../../../test/support/service-identity';

/** A fresh EC P-256 key pair as PEM, the way an operator would make one with openssl. */
export function generateSigningKeyPem(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

export interface UserServiceHarness {
  service: StartedService<Config>;
  stores: TestStores;
  outbox: string;
  /** A pool on the service's database, for assertions on what is stored. */
  database: Pool;
  signingKey: { privateKeyPem: string; publicKeyPem: string };
  close(): Promise<void>;
}

/** The real user service in-process on port 0, on a database, key prefix and outbox of its own. */
export async function startUserService(
  env: Record<string, string> = {},
  logger?: Logger,
): Promise<UserServiceHarness> {
  const stores = await provisionStores(['postgres', 'redis']);
  // Deleted accounts are relayed to history; unless a test stands one up, to nowhere.
  const nowhere = `http://127.0.0.1:${await deadPort()}`;
  const outbox = await mkdtemp(path.join(tmpdir(), 'whatif-outbox-'));
  const signingKey = generateSigningKeyPem();
  const service = (await startService(userService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...testServiceIdentity('user'),
      ...stores.env,
      JWT_SIGNING_KEY: signingKey.privateKeyPem,
      MAILER: 'outbox',
      MAIL_OUTBOX_DIR: outbox,
      PUBLIC_APP_URL: 'http://app.test',
      HISTORY_SERVICE_URL: nowhere,
      SHARING_SERVICE_URL: nowhere,
      VIDEO_SERVICE_URL: nowhere,
      SOCIAL_SERVICE_URL: nowhere,
      ...env,
    },
    ...(logger ? { logger } : {}),
  })) as StartedService<Config>;
  await eventually(async () => expect((await fetch(`${service.url}/health/ready`)).status).toBe(200));
  const database = new Pool({ connectionString: stores.env['DATABASE_URL'], max: 2 });
  return {
    service,
    stores,
    outbox,
    database,
    signingKey,
    async close() {
      await database.end();
      await service.stop();
      await stores.cleanup();
      await rm(outbox, { recursive: true, force: true });
    },
  };
}

export interface MailInOutbox {
  kind: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  link: string;
  sentAt: string;
}

/** Every message in the outbox to one address, oldest first. */
export async function mailTo(outbox: string, to: string): Promise<MailInOutbox[]> {
  const files = (await readdir(outbox)).filter((file) => file.endsWith('.json')).sort();
  const messages = await Promise.all(
    files.map(async (file) => JSON.parse(await readFile(path.join(outbox, file), 'utf8')) as MailInOutbox),
  );
  return messages.filter((message) => message.to === to);
}

/** Waits for the newest message of a kind to an address and returns the token in its link. */
export async function tokenMailedTo(outbox: string, to: string, kind: string, after = 0): Promise<string> {
  return eventually(async () => {
    const messages = (await mailTo(outbox, to)).filter((message) => message.kind === kind);
    expect(messages.length).toBeGreaterThan(after);
    const token = new URL(messages[messages.length - 1]!.link).searchParams.get('token');
    expect(token).toBeTruthy();
    return token!;
  });
}
