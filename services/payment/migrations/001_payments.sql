-- Payments, the idempotent operations on them, received provider webhooks, and the outbox of
-- payment events still to be delivered to the order service.
CREATE TABLE payments (
  id              uuid PRIMARY KEY,
  order_id        text NOT NULL,
  provider        text NOT NULL,
  provider_ref    text,
  amount          integer NOT NULL CHECK (amount > 0),
  captured_amount integer NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
  refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  currency        text NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'authorized', 'captured', 'voided', 'refunded', 'declined', 'failed')),
  in_flight       boolean NOT NULL DEFAULT true,
  card_brand      text,
  card_last4      text,
  failure_code    text,
  failure_message text,
  idempotency_key text NOT NULL UNIQUE,
  request_hash    text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (refunded_amount <= captured_amount),
  CHECK (captured_amount <= amount)
);
CREATE UNIQUE INDEX payments_provider_ref ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;
CREATE INDEX payments_order ON payments (order_id, created_at);

-- One row per capture/void/refund call, keyed by the caller's idempotency key: a retry answers
-- the stored result instead of calling the provider again.
CREATE TABLE payment_operations (
  idempotency_key text PRIMARY KEY,
  payment_id      uuid NOT NULL REFERENCES payments (id),
  kind            text NOT NULL CHECK (kind IN ('capture', 'void', 'refund')),
  amount          integer,
  http_status     integer NOT NULL,
  result          jsonb NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_operations_payment ON payment_operations (payment_id);

CREATE TABLE webhook_events (
  provider    text NOT NULL,
  event_id    text NOT NULL,
  type        text NOT NULL,
  payment_id  uuid,
  payload     jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, event_id)
);

CREATE TABLE order_event_outbox (
  id              bigserial PRIMARY KEY,
  event_id        text NOT NULL UNIQUE,
  payload         jsonb NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_event_outbox_due ON order_event_outbox (next_attempt_at) WHERE delivered_at IS NULL;
