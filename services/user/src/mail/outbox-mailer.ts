import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mailer } from './mailer';

/** One JSON file per message in a directory: the local stack's inbox, and what tests read. */
export function createOutboxMailer(directory: string, from: string): Mailer {
  return {
    async send(message) {
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.json`;
      const file = path.join(directory, name);
      await writeFile(
        file,
        `${JSON.stringify({ from, ...message, sentAt: new Date().toISOString() }, null, 2)}\n`,
        {
          mode: 0o600,
        },
      );
    },
  };
}
