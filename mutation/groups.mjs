/**
 * The code that guards users and data, in groups of one service each: a group is mutated by one
 * Stryker run that runs only the group's tests, keeps its own incremental report, and is skipped
 * entirely when neither its files nor its tests changed since that report was recorded. Files that
 * unit tests check on their own may form a second group of the service, so their mutants do not
 * wait for the tests that start the whole service (on a busy machine such waits end as timeouts
 * that say nothing).
 * Every listed file must reach `threshold` (mutation score, timeouts counted as killed).
 */
export const threshold = 85;

/** @type {Record<string, { tsconfig: string; mutate: string[]; tests: string[] }>} */
export const groups = {
  kit: {
    tsconfig: 'services/kit/tsconfig.json',
    mutate: [
      'services/kit/src/auth/tokens.ts',
      'services/kit/src/service-client.ts',
      'services/kit/src/identity/internal-guard.ts',
    ],
    tests: [
      'services/kit/test/jwks.test.ts',
      'services/kit/test/service-client.test.ts',
      'services/kit/test/service-identity.test.ts',
      'services/kit/test/internal-guard.test.ts',
    ],
  },
  gateway: {
    tsconfig: 'services/gateway/tsconfig.json',
    mutate: [
      'services/gateway/src/access.ts',
      'services/gateway/src/rate-limits.ts',
      'services/gateway/src/proxy.ts',
    ],
    tests: [
      'services/gateway/test/access.test.ts',
      'services/gateway/test/edge.test.ts',
      'services/gateway/test/routing.test.ts',
      'services/gateway/test/client-address.test.ts',
      'services/gateway/test/request-log.test.ts',
      'services/gateway/test/proxy.test.ts',
      'services/gateway/test/proxy-faults.test.ts',
      'services/gateway/test/rate-limit-answers.test.ts',
      'services/gateway/test/session-checks.test.ts',
      'services/gateway/test/stream-headers.test.ts',
      'services/gateway/test/window-counters.test.ts',
      'services/gateway/test/verified-tokens.test.ts',
    ],
  },
  'gateway-memory': {
    tsconfig: 'services/gateway/tsconfig.json',
    mutate: [
      'services/gateway/src/sessions.ts',
      'services/gateway/src/window-counters.ts',
      'services/gateway/src/verified-tokens.ts',
    ],
    tests: [
      'services/gateway/test/session-checks.test.ts',
      'services/gateway/test/session-cache-off.test.ts',
      'services/gateway/test/verified-tokens.test.ts',
      'services/gateway/test/verified-tokens-bounds.test.ts',
      'services/gateway/test/window-counters.test.ts',
      'services/gateway/test/window-counter-fallback.test.ts',
    ],
  },
  history: {
    tsconfig: 'services/history/tsconfig.json',
    mutate: [
      'services/history/src/cursor.ts',
      'services/history/src/store/delete-scenario.ts',
      'services/history/src/store/scenario-store.ts',
    ],
    tests: [
      'services/history/test/list.test.ts',
      'services/history/test/long-history.test.ts',
      'services/history/test/ownership-faults.test.ts',
      'services/history/test/scenario.test.ts',
      'services/history/test/scenario-purge.test.ts',
      'services/history/test/internal-read.test.ts',
    ],
  },
  sharing: {
    tsconfig: 'services/sharing/tsconfig.json',
    mutate: ['services/sharing/src/slug.ts', 'services/sharing/src/share-passwords.ts'],
    tests: [
      'services/sharing/test/shares.test.ts',
      'services/sharing/test/page.test.ts',
      'services/sharing/test/share-passwords.test.ts',
    ],
  },
  social: {
    tsconfig: 'services/social/tsconfig.json',
    mutate: ['services/social/src/store/likes.ts', 'services/social/src/store/profile-counts.ts'],
    tests: [
      'services/social/test/like-counters.test.ts',
      'services/social/test/likes.test.ts',
      'services/social/test/likes-by-liker.test.ts',
    ],
  },
  user: {
    tsconfig: 'services/user/tsconfig.json',
    mutate: [
      'services/user/src/passwords/password-hashing.ts',
      'services/user/src/passwords/password-policy.ts',
      'services/user/src/lockout/sign-in-lockout.ts',
      'services/user/src/tokens/opaque-tokens.ts',
      'services/user/src/tokens/access-tokens.ts',
      'services/user/src/accounts/one-time-tokens.ts',
      'services/user/src/sessions/session-store.ts',
      'services/user/src/sessions/refresh-token-store.ts',
      'services/user/src/sessions/session-manager.ts',
    ],
    tests: [
      'services/user/test/password-rules.test.ts',
      'services/user/test/sign-in-lockout-rules.test.ts',
      'services/user/test/one-time-tokens.test.ts',
      'services/user/test/session-store.test.ts',
      'services/user/test/refresh-token-families.test.ts',
      'services/user/test/tokens-and-sessions.test.ts',
      'services/user/test/sessions-across-stores.test.ts',
      'services/user/test/foreign-session.test.ts',
      'services/user/test/account-lifecycle.test.ts',
    ],
  },
  video: {
    tsconfig: 'services/video/tsconfig.json',
    mutate: ['services/video/src/store/job-transitions.ts'],
    tests: ['services/video/test/job-transitions.test.ts', 'services/video/test/api.test.ts'],
  },
};
