import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface OidcClientRegistration {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface RunningOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** Starts the oidc-provider fixture in a child process and waits for its issuer URL. */
export async function startOidcProvider(clients: OidcClientRegistration[]): Promise<RunningOidcProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'fixtures', 'oidc-provider.mjs')],
    {
      env: { ...process.env, OIDC_CLIENTS: JSON.stringify(clients), NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const issuer = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /READY (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code}):\n${output}`)));
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
