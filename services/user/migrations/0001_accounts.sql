-- Accounts, their sign-in methods, refresh-token families (sessions) and one-time tokens.
-- Everything that identifies a person hangs off users(id) with ON DELETE CASCADE, so deleting
-- the account row deletes every row about that person in one statement.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Stored lower-cased: addresses compare case-insensitively here.
  email text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  -- NULL for accounts that sign in only through an OAuth provider.
  password_hash text,
  display_name text NOT NULL,
  bio text NOT NULL DEFAULT '',
  avatar_url text,
  roles text[] NOT NULL DEFAULT ARRAY['user']::text[]
    CHECK (roles <@ ARRAY['user', 'moderator', 'admin']::text[] AND 'user' = ANY (roles)),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
-- Keyset paging of the admin list: newest first, id breaks ties.
CREATE INDEX users_created_at_id ON users (created_at DESC, id DESC);

-- A provider account (Google, Facebook, an OIDC issuer) that signs in as a user.
CREATE TABLE oauth_identities (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject),
  UNIQUE (user_id, provider)
);

-- A session: one sign-in and the chain of refresh tokens rotated from it. Its id is the
-- `sid` claim of the access tokens issued under it.
CREATE TABLE refresh_token_families (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX refresh_token_families_user ON refresh_token_families (user_id) WHERE revoked_at IS NULL;

-- Every refresh token ever issued in a family, by SHA-256 of its value, so that presenting
-- an already-used one is recognised as reuse (theft) rather than as an unknown token.
CREATE TABLE refresh_tokens (
  token_hash bytea PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
  issued_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- Links mailed to people (verify an address, change it, reset a password), by SHA-256 of
-- the token; single use and expiring.
CREATE TABLE one_time_tokens (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('email_verification', 'email_change', 'password_reset')),
  -- The address the link was mailed to, which redeeming it proves: the account's address for
  -- verification and reset (a link mailed to a former address does nothing), the new one for a change.
  email text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX one_time_tokens_user_purpose ON one_time_tokens (user_id, purpose);
