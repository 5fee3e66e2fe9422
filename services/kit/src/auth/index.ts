export {
  ACCESS_TOKEN_ALGORITHM,
  InvalidToken,
  createTokenVerifier,
  jwksVerifier,
  jwksKeySource,
  type JsonWebKeySet,
  type KeySource,
  type Principal,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './tokens';
export {
  authenticate,
  bearerToken,
  principalOf,
  requirePermission,
  requirePrincipal,
  type AuthenticateOptions,
} from './middleware';
