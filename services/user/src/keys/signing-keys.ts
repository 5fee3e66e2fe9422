import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { JsonWebKeySet, KeySource, Logger } from '@what-if/kit';
import { type EcPublicJwk, ecPublicJwk, jwkThumbprint } from './thumbprint';

export interface PublishedKey {
  kid: string;
  publicKey: KeyObject;
  jwk: EcPublicJwk;
}

/** The key that signs access tokens now, and every key whose tokens are still accepted. */
export interface SigningKeys {
  current: PublishedKey & { privateKey: KeyObject };
  /** The current key first, then the retired ones still published during a rotation. */
  published: readonly PublishedKey[];
  /** The JWKS document: public keys only. */
  jwks(): JsonWebKeySet;
  /** Verification keys by kid, for the kit's token verifier inside this service. */
  keySource: KeySource;
}

export interface SigningKeyOptions {
  /** PKCS#8 PEM of an EC P-256 private key; empty means none configured. */
  signingKeyPem: string;
  /** Zero or more PEM public keys, each in its own BEGIN/END block. */
  previousPublicKeysPem: string;
  allowEphemeral: boolean;
  logger: Logger;
}

const pemBlock = /-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g;

function published(publicKey: KeyObject): PublishedKey {
  const jwk = ecPublicJwk(publicKey);
  return { kid: jwkThumbprint(jwk), publicKey, jwk };
}

function readPrivateKey(options: SigningKeyOptions): KeyObject {
  if (options.signingKeyPem !== '') {
    try {
      return createPrivateKey({ key: options.signingKeyPem, format: 'pem' });
    } catch (error) {
      throw new Error('JWT_SIGNING_KEY is not a readable PEM private key', { cause: error });
    }
  }
  if (!options.allowEphemeral) {
    throw new Error('JWT_SIGNING_KEY is empty and JWT_ALLOW_EPHEMERAL_KEY is not true');
  }
  options.logger.warn(
    'JWT_SIGNING_KEY is empty: signing with a key generated for this process only; tokens stop verifying when it restarts, and replicas do not share it (local stacks only)',
  );
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
}

function readPreviousKeys(pem: string): PublishedKey[] {
  return (pem.match(pemBlock) ?? []).map((block, index) => {
    try {
      return published(createPublicKey({ key: block, format: 'pem' }));
    } catch (error) {
      throw new Error(`JWT_PREVIOUS_PUBLIC_KEYS block ${index + 1} is not an EC P-256 public key`, {
        cause: error,
      });
    }
  });
}

/** Loads the signing key (or generates one where allowed) and the retired keys; throws naming the bad one. */
export function loadSigningKeys(options: SigningKeyOptions): SigningKeys {
  const privateKey = readPrivateKey(options);
  const current = { ...published(createPublicKey(privateKey)), privateKey };
  const previous = readPreviousKeys(options.previousPublicKeysPem).filter((key) => key.kid !== current.kid);
  const all = [current, ...previous];
  const byKid = new Map(all.map((key) => [key.kid, key.publicKey]));
  return {
    current,
    published: all,
    jwks: () => ({
      keys: all.map((key) => ({ ...key.jwk, kid: key.kid, use: 'sig', alg: 'ES256' })),
    }),
    keySource: async (kid) => byKid.get(kid),
  };
}
