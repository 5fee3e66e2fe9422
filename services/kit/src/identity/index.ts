export { INTERNAL_PATH_PREFIX, allowCallers, internalCaller, requireServiceCaller } from './internal-guard';
export {
  generateServiceKeyPair,
  generateServiceKeyRing,
  serviceIdentityEnv,
  servicePublicKeysJson,
  type ServiceKeyPair,
  type ServiceKeyRing,
} from './key-ring';
export { readServiceKeys, type ServiceKeyConfig, type ServiceKeys } from './service-keys';
export {
  SERVICE_TOKEN_ALGORITHM,
  ServiceTokenRefused,
  createServiceIdentity,
  serviceAudience,
  serviceTokenLifetimeSeconds,
  type ServiceIdentity,
} from './service-tokens';
