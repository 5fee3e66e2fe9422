import { createHash, createHmac, randomBytes } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FacebookPerson {
  id: string;
  name: string;
  email?: string;
}

export interface FakeFacebook {
  /** Base of the dialog and Graph URLs, e.g. http://127.0.0.1:1234/v19.0 */
  baseUrl: string;
  /** Who "is logged in to Facebook" when the dialog is opened. */
  person: FacebookPerson;
  close(): Promise<void>;
}

/**
 * A local stand-in speaking Facebook Login's wire format: the dialog (consent is automatic),
 * the code exchange with PKCE and app secret, and Graph API /me with appsecret_proof. It
 * checks what Facebook checks, so a client that skips a step fails here too.
 */
export async function startFakeFacebook(app: { id: string; secret: string }): Promise<FakeFacebook> {
  const codes = new Map<string, { challenge: string; redirectUri: string; person: FacebookPerson }>();
  const accessTokens = new Map<string, FacebookPerson>();
  const state: { person: FacebookPerson } = { person: { id: '1000', name: 'Nobody' } };

  const graphError = (res: ServerResponse, message: string) => {
    res.writeHead(400, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message, type: 'OAuthException', code: 100, fbtrace_id: 'test' } }));
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://facebook.test');
    const query = url.searchParams;
    if (url.pathname === '/v19.0/dialog/oauth') {
      if (query.get('client_id') !== app.id || query.get('code_challenge_method') !== 'S256') {
        graphError(res, 'bad dialog request');
        return;
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        challenge: query.get('code_challenge') ?? '',
        redirectUri: query.get('redirect_uri') ?? '',
        person: state.person,
      });
      const back = new URL(query.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === '/v19.0/oauth/access_token') {
      const grant = codes.get(query.get('code') ?? '');
      codes.delete(query.get('code') ?? '');
      const verifier = query.get('code_verifier') ?? '';
      if (
        !grant ||
        query.get('client_id') !== app.id ||
        query.get('client_secret') !== app.secret ||
        query.get('redirect_uri') !== grant.redirectUri ||
        createHash('sha256').update(verifier).digest('base64url') !== grant.challenge
      ) {
        graphError(res, 'Invalid verification code format.');
        return;
      }
      const token = randomBytes(16).toString('hex');
      accessTokens.set(token, grant.person);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, token_type: 'bearer', expires_in: 5183944 }));
      return;
    }
    if (url.pathname === '/v19.0/me') {
      const token = query.get('access_token') ?? '';
      const person = accessTokens.get(token);
      const proof = createHmac('sha256', app.secret).update(token).digest('hex');
      if (!person || query.get('appsecret_proof') !== proof) {
        graphError(res, 'Invalid OAuth access token data.');
        return;
      }
      const fields = (query.get('fields') ?? 'id').split(',');
      const answer: Record<string, string> = {};
      for (const field of fields) {
        const value = person[field as keyof FacebookPerson];
        if (value !== undefined) answer[field] = value;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return;
    }
    res.writeHead(404).end();
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v19.0`,
    get person() {
      return state.person;
    },
    set person(person: FacebookPerson) {
      state.person = person;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
