-- The sandbox card processor's own books: its charges and the answers it gave per idempotency key,
-- kept in the payment database so a restart of the service forgets no authorisation or capture.
CREATE TABLE sandbox_charges (
  ref        text PRIMARY KEY,
  payment_id text NOT NULL,
  order_id   text NOT NULL,
  amount     integer NOT NULL CHECK (amount > 0),
  currency   text NOT NULL,
  status     text NOT NULL,
  captured   integer NOT NULL DEFAULT 0,
  refunded   integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_results (
  idempotency_key text PRIMARY KEY,
  result          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
