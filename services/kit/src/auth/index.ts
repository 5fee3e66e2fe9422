export { hasPermission, isRole, permissionRoles, roles, type Permission, type Role } from './permissions';
export {
  ACCESS_TOKEN_ALGORITHM,
  InvalidToken,
  JWKS_PATH,
  createTokenVerifier,
  verifierFromConfig,
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
