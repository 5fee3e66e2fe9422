-- Public handles: @ada in mentions and /profiles/ada. Optional (accounts made before this
-- migration have none until their owner picks one), stored lower case, so the unique index is
-- case-insensitive by construction; the service checks the rules and the reserved names.
ALTER TABLE users ADD COLUMN username text
  CHECK (username ~ '^[a-z0-9_]{3,30}$');
CREATE UNIQUE INDEX users_username_key ON users (username);
