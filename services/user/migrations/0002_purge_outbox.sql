-- Durable deletion (docs/cross-service.md §2): an account's purge instruction is written in the
-- same transaction as the account's deletion, then relayed to every receiver until each has
-- acknowledged; the row goes with the last acknowledgement.
CREATE TABLE purge_outbox (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  subject_id text NOT NULL,
  owner_id text NOT NULL,
  requested_at timestamptz NOT NULL DEFAULT now(),
  pending_receivers text[] NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX purge_outbox_due ON purge_outbox (next_attempt_at);
